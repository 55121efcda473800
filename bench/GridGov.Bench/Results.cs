using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GridGov.Bench;

// One measured figure. Limit names the figure (measured in the same run) this one is compared to.
sealed record Figure(string Name, string Unit, double[] Samples, string? Limit = null)
{
    public double Median
    {
        get
        {
            double[] s = [.. Samples.Order()];
            return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
        }
    }
    public double Min => Samples.Min();
    public double Max => Samples.Max();
    // Times shrink as things get faster, rates grow: a ratio is always "our speed / the limit's speed".
    public bool IsRate => Unit.EndsWith("/s", StringComparison.Ordinal);
}

sealed class Results(int runs)
{
    public List<Figure> Figures { get; } = [];
    public Dictionary<string, object> Facts { get; } = [];
    public int Runs { get; } = runs;
    // The untimed first runs of the last measurement; in a process's first measurement, the cold figures.
    public double[] WarmUps { get; private set; } = [];

    public Figure Add(string name, string unit, double[] samples, string? limit = null)
    {
        var f = new Figure(name, unit, samples, limit);
        Figures.Add(f);
        return f;
    }

    public double? Ratio(Figure f)
    {
        if (f.Limit is null || Figures.FirstOrDefault(l => l.Name == f.Limit) is not { } l) return null;
        return f.IsRate ? f.Median / l.Median : l.Median / f.Median;
    }

    // Each function runs once untimed (JIT, lazy indexes, page cache), then they take turns `Runs` times,
    // so that a burst of other work on the machine hits every figure alike. Each call returns its own
    // measured time so that per-run setup (a fresh database) stays outside the figure.
    public double[][] Measure(params Func<TimeSpan>[] runs) =>
        MeasureAsync([.. runs.Select(r => (Func<Task<TimeSpan>>)(() => Task.FromResult(r())))]).GetAwaiter().GetResult();

    public async Task<double[][]> MeasureAsync(params Func<Task<TimeSpan>>[] runs)
    {
        var warmUps = new double[runs.Length];
        for (var j = 0; j < runs.Length; j++) warmUps[j] = (await runs[j]()).TotalSeconds;
        WarmUps = warmUps;
        var samples = runs.Select(_ => new double[Runs]).ToArray();
        for (var i = 0; i < Runs; i++)
            for (var j = 0; j < runs.Length; j++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                samples[j][i] = (await runs[j]()).TotalSeconds;
            }
        return samples;
    }

    public static TimeSpan Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed;
    }

    public string Table()
    {
        var width = Math.Max(6, Figures.Max(f => f.Name.Length));
        var sb = new StringBuilder();
        sb.AppendLine($"{"figure".PadRight(width)}  {"median",12} {"min",12} {"max",12}  {"unit",-9} {"ratio",6}  limit");
        foreach (var f in Figures)
        {
            var ratio = Ratio(f) is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "";
            sb.AppendLine($"{f.Name.PadRight(width)}  {Num(f.Median),12} {Num(f.Min),12} {Num(f.Max),12}  {f.Unit,-9} {ratio,6}  {f.Limit}");
        }
        return sb.ToString();
    }

    static string Num(double v) => v switch
    {
        >= 1000 => v.ToString("#,0", CultureInfo.InvariantCulture),
        >= 10 => v.ToString("0.0", CultureInfo.InvariantCulture),
        _ => v.ToString("0.000", CultureInfo.InvariantCulture),
    };

    public string Json(string environment, string mode) => JsonSerializer.Serialize(new
    {
        environment,
        mode,
        runs = Runs,
        at = DateTime.UtcNow,
        figures = Figures.Select(f => new
        {
            name = f.Name, unit = f.Unit, median = f.Median, min = f.Min, max = f.Max,
            samples = f.Samples, limit = f.Limit, ratio = Ratio(f),
        }),
        facts = Facts,
    }, new JsonSerializerOptions { WriteIndented = true });
}
