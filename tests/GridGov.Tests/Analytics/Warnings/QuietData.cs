namespace GridGov.Tests.Analytics.Warnings;

// Generated quiet data: background with no incident in it, from a seeded Random so every run sees
// the same year. Daily counts follow a weekly rhythm (weekdays 1.12 × the mean, weekends 0.7 ×, as
// reports fall off on weekends), Poisson around it.
public static class QuietData
{
    public static double Weekly(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.7 : 1.12;

    // Knuth's method; exact, and quick enough for the means used here (≤ 100).
    public static int Poisson(Random r, double mean)
    {
        if (mean > 30) return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Normal(r)));
        var limit = Math.Exp(-mean);
        var (k, p) = (0, r.NextDouble());
        while (p > limit) { k++; p *= r.NextDouble(); }
        return k;
    }

    static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    // Daily counts of `days` days from `first`, around `mean` a day.
    public static int[] Daily(Random r, double mean, DateOnly first, int days) =>
        [.. Enumerable.Range(0, days).Select(i => Poisson(r, mean * Weekly(first.AddDays(i))))];

    // Times of a Poisson process of `perDay` over `days` days, in hours from the start, sorted.
    public static List<double> Times(Random r, double perDay, int days)
    {
        var times = new List<double>();
        for (var t = 0.0; ; )
        {
            t += -Math.Log(1 - r.NextDouble()) * 24 / perDay;
            if (t >= days * 24) return times;
            times.Add(t);
        }
    }
}
