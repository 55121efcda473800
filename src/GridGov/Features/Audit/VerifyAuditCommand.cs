using GridGov.Infrastructure.Cli;

namespace GridGov.Features.Audit;

// `gridgov verify-audit`: exit 1 names the first altered or missing record.
static class VerifyAuditCommand
{
    public static readonly CliCommand Command = new("verify-audit", "", async (sp, _, output) =>
    {
        var result = await sp.GetRequiredService<VerifyAudit>().RunAsync();
        output.WriteLine(result.Message);
        return result.Intact ? 0 : 1;
    });
}
