namespace GridGov.Features.Analytics.Warnings;

// One day of an EARS check: the day's count, its baseline's mean and standard deviation (floored),
// the method's statistic, the count above which the day alarms (the chart's threshold line), and
// whether it alarms.
public sealed record EarsDay(int Count, double Mean, double Sd, double Statistic, double Upper, bool Alarm);

// The CDC's Early Aberration Reporting System methods (Hutwagner et al. 2003; formulas as in Fricker,
// Hegler & Dunfee 2008 and R's surveillance::earsC), for daily counts. docs/early-warning.md.
//   C1: baseline days t-7..t-1;  C1_t = (Y_t − mean) / sd;  alarm when C1_t > limit (3).
//   C2: baseline days t-9..t-3 (two guard days);  C2_t likewise;  alarm when C2_t > limit (3).
//   C3: C3_t = Σ_{i=t-2..t} max(0, C2_i − 1);  alarm when C3_t > limit (2).
// sd is the sample standard deviation (n − 1) of the 7 baseline days, floored at minSigma: a quiet
// baseline of zeros would otherwise make any single ticket an infinite z-score. A day also needs at
// least minCount tickets to alarm.
public static class Ears
{
    public const int Baseline = 7;

    // Days before day t that the method reads.
    public static int History(SpikeMethod m) => m switch { SpikeMethod.C1 => Baseline, SpikeMethod.C2 => Baseline + 2, _ => Baseline + 4 };

    public static double DefaultLimit(SpikeMethod m) => m == SpikeMethod.C3 ? 2 : 3;

    // The check of the last day of `counts` (oldest first); needs History(m) days before it.
    public static EarsDay Check(IReadOnlyList<int> counts, SpikeMethod m, double limit, double minSigma, int minCount) =>
        Check(counts, counts.Count - 1, m, limit, minSigma, minCount);

    public static EarsDay Check(IReadOnlyList<int> counts, int t, SpikeMethod m, double limit, double minSigma, int minCount)
    {
        if (t < History(m)) throw new ArgumentException($"EARS {m} needs {History(m)} days before the day checked.", nameof(t));
        var y = counts[t];
        if (m == SpikeMethod.C1 || m == SpikeMethod.C2)
        {
            var (mean, sd) = Baseline7(counts, m == SpikeMethod.C1 ? t - 1 : t - 3, minSigma);
            var z = (y - mean) / sd;
            return new(y, mean, sd, z, mean + limit * sd, z > limit && y >= minCount);
        }
        // C3: the C2 exceedances of the two days before add to today's.
        var past = Exceedance(counts, t - 2, minSigma) + Exceedance(counts, t - 1, minSigma);
        var (m2, sd2) = Baseline7(counts, t - 3, minSigma);
        var c2 = (y - m2) / sd2;
        var c3 = past + Math.Max(0, c2 - 1);
        // The count at which C3 passes the limit given the two days before (0 when they pass it already).
        var upper = past > limit ? 0 : m2 + sd2 * (limit + 1 - past);
        return new(y, m2, sd2, c3, upper, c3 > limit && y >= minCount);
    }

    // Every day of `counts` that has its full history, oldest first (the chart's series).
    public static List<(int Day, EarsDay Check)> Series(IReadOnlyList<int> counts, SpikeMethod m, double limit, double minSigma, int minCount) =>
        [.. Enumerable.Range(History(m), Math.Max(0, counts.Count - History(m))).Select(t => (t, Check(counts, t, m, limit, minSigma, minCount)))];

    static double Exceedance(IReadOnlyList<int> counts, int t, double minSigma)
    {
        var (mean, sd) = Baseline7(counts, t - 3, minSigma);
        return Math.Max(0, (counts[t] - mean) / sd - 1);
    }

    // Mean and floored sample sd of the 7 days ending at `last`.
    static (double Mean, double Sd) Baseline7(IReadOnlyList<int> counts, int last, double minSigma)
    {
        var first = last - Baseline + 1;
        double sum = 0;
        for (var i = first; i <= last; i++) sum += counts[i];
        var mean = sum / Baseline;
        double squares = 0;
        for (var i = first; i <= last; i++) squares += (counts[i] - mean) * (counts[i] - mean);
        var sd = Math.Sqrt(squares / (Baseline - 1));
        return (mean, Math.Max(sd, Math.Max(minSigma, 1e-9)));
    }
}
