using System.Globalization;
using GridGov.Infrastructure.Database;

namespace GridGov.Bench;

// Options of the ticket benchmarks (`tickets`) and of `generate`.
sealed class TicketOptions
{
    public const string Usage = """
        tickets options:
          --quick               small and short: 200k tickets for intake, 1M for the queues, 4 s per measurement
          --intake-tickets N    existing tickets under the intake benchmark (default 1,000,000)
          --queue-tickets N     tickets under the queue benchmark (default 5,000,000)
          --seconds S           length of one measured run of an intake load (default 8; raw inserts half)
          --warmup S            seconds of untimed intake load on the app before the runs (default 40; quick 20)
          --concurrency C       requests in flight during the intake load (default 32)
          --no-pg               SQLite only (also when GRIDGOV_TEST_PG is not set)
          --queues-pg           also measure the queues on PostgreSQL (a 5M-ticket load into PostgreSQL)
          --only intake|queues  one of the two parts
          --db sqlite|pg        panorama: measure that database only
        generate [--db sqlite|pg] [--tickets N] [--keep]
                                a city with N tickets (default 1,000,000); --keep leaves the data folder
                                (SQLite) or the database (PostgreSQL) for starting the app on it
        """;

    public int IntakeTickets { get; set; } = 1_000_000;
    public int QueueTickets { get; set; } = 5_000_000;
    public double Seconds { get; set; } = 8;
    public double WarmupSeconds { get; set; } = 40;
    public int Concurrency { get; set; } = 32;
    public bool Quick { get; set; }
    public bool NoPostgres { get; set; }
    public bool QueuesOnPostgres { get; set; }
    // `--db`: the database `generate` fills, and the only one `panorama` measures when given.
    public DatabaseProvider? Db { get; set; }
    public DatabaseProvider GenerateDb => Db ?? DatabaseProvider.Sqlite;
    public int GenerateTickets { get; set; } = 1_000_000;
    public bool Keep { get; set; }
    public string? Part { get; set; }

    public bool Postgres => !NoPostgres && BenchCity.PostgresServer is not null
        && Environment.GetEnvironmentVariable("GRIDGOV_SKIP_PG") is null or "" or "0";

    public bool Parse(string[] args, ref int i)
    {
        var name = args[i];
        var value = i + 1 < args.Length ? args[i + 1] : null;
        int Int() => int.TryParse(value?.Replace("_", ""), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : throw new ArgumentException($"{name} needs a positive number");
        switch (name)
        {
            case "--quick":
                Quick = true;
                IntakeTickets = 200_000;
                QueueTickets = 1_000_000;
                Seconds = 4;
                WarmupSeconds = 20;
                return true;
            case "--intake-tickets": IntakeTickets = Int(); i++; return true;
            case "--queue-tickets": QueueTickets = Int(); i++; return true;
            case "--tickets": GenerateTickets = Int(); i++; return true;
            case "--concurrency": Concurrency = Int(); i++; return true;
            case "--seconds":
                Seconds = i + 1 < args.Length && double.TryParse(args[++i], CultureInfo.InvariantCulture, out var s) && s > 0
                    ? s : throw new ArgumentException("--seconds needs a positive number");
                return true;
            case "--warmup":
                WarmupSeconds = i + 1 < args.Length && double.TryParse(args[++i], CultureInfo.InvariantCulture, out var w) && w >= 0
                    ? w : throw new ArgumentException("--warmup needs a number of seconds");
                return true;
            case "--no-pg": NoPostgres = true; return true;
            case "--queues-pg": QueuesOnPostgres = true; return true;
            case "--keep": Keep = true; return true;
            case "--only" when value is "intake" or "queues": Part = value; i++; return true;
            case "--db" when i + 1 < args.Length:
                Db = args[++i] switch
                {
                    "sqlite" => DatabaseProvider.Sqlite,
                    "pg" or "postgres" => DatabaseProvider.Postgres,
                    var other => throw new ArgumentException($"--db {other}: sqlite or pg"),
                };
                return true;
            default: return false;
        }
    }

    // `generate`: a city and its tickets, for trying the generator or starting the app on the result.
    public static async Task<int> GenerateAsync(TicketOptions o)
    {
        if (o.GenerateDb == DatabaseProvider.Postgres && BenchCity.PostgresServer is null)
        {
            Console.Error.WriteLine("--db pg needs GRIDGOV_TEST_PG (an Npgsql connection string to a server)");
            return 2;
        }
        var city = await BenchCity.CreateAsync(o.GenerateDb);
        try
        {
            Console.WriteLine($"city ready ({city.Label}): {city.DataDir}");
            var report = await TicketGenerator.RunAsync(city.Database, o.GenerateTickets);
            Console.WriteLine(report);
            Console.WriteLine($"database size: {city.DatabaseBytes() / 1e6:N0} MB");
            if (o.Keep)
            {
                Console.WriteLine(city.Provider == DatabaseProvider.Sqlite
                    ? $"kept: GridGov__DataDir={city.DataDir}"
                    : $"kept: ConnectionStrings__Postgres=\"{city.PostgresConnectionString}\" GridGov__DataDir={city.DataDir}");
                return 0;
            }
        }
        finally
        {
            if (!o.Keep) await city.DisposeAsync();
        }
        return 0;
    }
}
