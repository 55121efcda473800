using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace GridGov.Bench;

// dotnet run -c Release --project bench/GridGov.Bench -- [import|locate|tickets|all] [--runs N] [tickets options]
static class Program
{
    const string Usage = "usage: GridGov.Bench [import|locate|tickets|export|registry|registry-search|panorama|keywords|all|generate] [--runs N] [--export-tickets N] [--keyword-tickets N] [--keyword-days D] [--people N] [--no-pg] [tickets options]";

    static async Task<int> Main(string[] args)
    {
        // The bare Kestrel of the ticket benchmarks runs as a child process of this program.
        if (args.FirstOrDefault() == "serve-bare") return await BareServer.RunAsync(args[1..]);
        var mode = "all";
        var runs = 3;
        var exportTickets = 100_000;
        var people = 1_000_000;
        var (keywordTickets, keywordDays) = (600_000, 30);
        var tickets = new TicketOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--runs" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var n) && n > 0)
                runs = n;
            else if (args[i] == "--export-tickets" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var x) && x > 0)
                exportTickets = x;
            else if (args[i] == "--people" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var p) && p > 0)
                people = p;
            else if (args[i] == "--keyword-tickets" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var kt) && kt > 0)
                keywordTickets = kt;
            else if (args[i] == "--keyword-days" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var kd) && kd is > 0 and <= 365)
                keywordDays = kd;
            else if (args[i] is "import" or "locate" or "tickets" or "export" or "registry" or "registry-search" or "panorama" or "keywords" or "all" or "generate")
                mode = args[i];
            else if (!TryParse(tickets, args, ref i))
            {
                Console.Error.WriteLine(Usage);
                Console.Error.WriteLine(TicketOptions.Usage);
                return 2;
            }
        }
        if (mode == "generate") return await TicketOptions.GenerateAsync(tickets);

        var environment = $"{Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, "
            + $"{RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, "
            + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC";
        Console.WriteLine(environment);
        Console.WriteLine($"{runs} timed runs after 1 warm-up; ratio = our speed / the limit's speed, measured in this run");

        var results = new Results(runs);
        // Other work on these 2 cores shows up in every figure: keep the evidence with the numbers.
        results.Facts["load-average-before"] = LoadAverage();
        if (mode is "import" or "all") await ImportBench.RunAsync(results);
        if (mode is "locate" or "all") await LocateBench.RunAsync(results);
        if (mode is "tickets" or "all") await TicketBench.RunAsync(results, tickets);
        if (mode is "export") await ExportBench.RunAsync(results, exportTickets);
        if (mode is "registry") await RegistryBench.RunAsync(results, people, tickets.Postgres);
        if (mode is "registry-search") await RegistrySearchBench.RunAsync(results, people, tickets.Postgres);
        if (mode is "panorama") await PanoramaBench.RunAsync(results, tickets, people);
        if (mode is "keywords") await KeywordBench.RunAsync(results, keywordTickets, keywordDays);

        results.Facts["load-average-after"] = LoadAverage();
        Console.WriteLine();
        Console.Write(results.Table());
        Console.WriteLine();
        foreach (var (name, value) in results.Facts) Console.WriteLine($"{name}: {value}");

        var dir = Path.Combine(RepoRoot(), "bench", "results");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"{mode}-{DateTime.Now:yyyyMMdd-HHmmss}.json");
        await File.WriteAllTextAsync(file, results.Json(environment, mode));
        Console.WriteLine($"written {Path.GetRelativePath(Directory.GetCurrentDirectory(), file)}");

        // A locator that disagrees with bare NetTopologySuite is a bug, whatever its speed; so is a
        // failed report under load.
        var failed = results.Facts.TryGetValue("locate.mismatches", out var m) && (int)m != 0;
        failed |= results.Facts.TryGetValue("intake.errors", out var e) && (long)e != 0;
        return failed ? 1 : 0;
    }

    static bool TryParse(TicketOptions tickets, string[] args, ref int i)
    {
        try { return tickets.Parse(args, ref i); }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return false;
        }
    }

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    // Results belong to the work tree, wherever the program is started from.
    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GridGov.slnx"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
