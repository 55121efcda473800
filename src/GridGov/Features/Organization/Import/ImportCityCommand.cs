using GridGov.Infrastructure.Cli;
using GridGov.Infrastructure.Database;

namespace GridGov.Features.Organization.Import;

// `gridgov import-city --code 3205 --divisions DIR --boundaries FILE [--seed N]`
static class ImportCityCommand
{
    public static readonly CliCommand Command = new("import-city", "--code 3201 --divisions DIR --boundaries FILE [--seed N]", async (sp, opts, output) =>
    {
        if (!opts.TryGetValue("code", out var codeText) || !long.TryParse(codeText, out var code)
            || !opts.TryGetValue("divisions", out var dir) || !opts.TryGetValue("boundaries", out var file))
            return null;
        var seed = opts.TryGetValue("seed", out var s) && int.TryParse(s, out var n) ? n : ImportCity.DefaultSeed;
        var actor = new AuditActor(null, $"cli:{Environment.UserName}", 0, null);
        var report = await sp.GetRequiredService<ImportCity>().RunAsync(new(code, dir, file, seed), actor);
        foreach (var line in report.Lines()) output.WriteLine(line);
        return report.Succeeded ? 0 : 1;
    });
}
