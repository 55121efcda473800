using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Infrastructure.Cli;

// One command of the executable's command line (DESIGN.md §3): an area registers it with
// `services.AddCommand(...)`. The handler gets the `--name value` options and answers the exit code
// (0 success, 1 a reported failure), or null for bad usage (then the usage is printed, exit 2).
public sealed record CliCommand(string Name, string Usage,
    Func<IServiceProvider, IReadOnlyDictionary<string, string>, TextWriter, Task<int?>> RunAsync);

public static class Commands
{
    public static IServiceCollection AddCommand(this IServiceCollection services, CliCommand command) =>
        services.AddSingleton(command);

    // A bare first word is a command; the web host's own arguments are `--key value` or `key=value`.
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=');

    // Output goes to `output` (the console by default), so a caller can capture it.
    public static async Task<int> RunAsync(IServiceProvider services, string name, string[] args, TextWriter? output = null)
    {
        output ??= Console.Out;
        var all = services.GetServices<CliCommand>().ToList();
        if (all.FirstOrDefault(c => c.Name == name) is not { } command) return Usage(all, output);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await using (var db = sp.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System))
            await db.Database.MigrateAsync();
        return await command.RunAsync(sp, Options(args), output) ?? Usage(all, output);
    }

    static Dictionary<string, string> Options(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i++)
            if (args[i].StartsWith("--")) map[args[i][2..]] = args[++i];
        return map;
    }

    static int Usage(List<CliCommand> commands, TextWriter output)
    {
        output.WriteLine("用法 / usage:");
        foreach (var c in commands) output.WriteLine($"  gridgov {c.Name} {c.Usage}".TrimEnd());
        output.WriteLine("数据目录由 GridGov:DataDir（环境变量 GridGov__DataDir）决定；PostgreSQL 用 ConnectionStrings:Postgres。");
        return 2;
    }
}
