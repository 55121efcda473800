using GridGov.Features.Audit;
using GridGov.Features.Organization.Import;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Infrastructure.Cli;

// The command line of the same executable (DESIGN.md §3). Exit code 0 on success, 1 on a reported
// failure, 2 on bad usage.
static class Commands
{
    public static readonly HashSet<string> Names = ["import-city", "verify-audit", "help"];

    // Output goes to `output` (the console by default), so a caller can capture it.
    public static async Task<int> RunAsync(IServiceProvider services, string command, string[] args, TextWriter? output = null)
    {
        output ??= Console.Out;
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await using (var db = sp.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System))
            await db.Database.MigrateAsync();
        return command switch
        {
            "import-city" => await ImportCityAsync(sp, args, output),
            "verify-audit" => await VerifyAuditAsync(sp, output),
            _ => Usage(output),
        };
    }

    static async Task<int> ImportCityAsync(IServiceProvider sp, string[] args, TextWriter output)
    {
        var opts = Options(args);
        if (!opts.TryGetValue("code", out var codeText) || !long.TryParse(codeText, out var code)
            || !opts.TryGetValue("divisions", out var dir) || !opts.TryGetValue("boundaries", out var file))
            return Usage(output);
        var seed = opts.TryGetValue("seed", out var s) && int.TryParse(s, out var n) ? n : ImportCity.DefaultSeed;
        var actor = new AuditActor(null, $"cli:{Environment.UserName}", 0, null);
        var report = await sp.GetRequiredService<ImportCity>().RunAsync(new(code, dir, file, seed), actor);
        foreach (var line in report.Lines()) output.WriteLine(line);
        return report.Succeeded ? 0 : 1;
    }

    static async Task<int> VerifyAuditAsync(IServiceProvider sp, TextWriter output)
    {
        var result = await sp.GetRequiredService<VerifyAudit>().RunAsync();
        output.WriteLine(result.Message);
        return result.Intact ? 0 : 1;
    }

    static Dictionary<string, string> Options(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i++)
            if (args[i].StartsWith("--")) map[args[i][2..]] = args[++i];
        return map;
    }

    static int Usage(TextWriter output)
    {
        output.WriteLine("""
            用法 / usage:
              gridgov import-city --code 3201 --divisions DIR --boundaries FILE [--seed N]
              gridgov verify-audit
            数据目录由 GridGov:DataDir（环境变量 GridGov__DataDir）决定；PostgreSQL 用 ConnectionStrings:Postgres。
            """);
        return 2;
    }
}
