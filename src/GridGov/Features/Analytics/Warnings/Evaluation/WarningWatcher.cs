namespace GridGov.Features.Analytics.Warnings;

// Evaluates the warning rules periodically: every minute unless GridGov:Warnings:IntervalSeconds says
// otherwise (0 turns it off; the tests call the evaluator themselves at the times they choose).
public sealed class WarningWatcher(WarningEvaluator evaluator, IConfiguration config, TimeProvider time, ILogger<WarningWatcher> log) : BackgroundService
{
    public const string IntervalSetting = "GridGov:Warnings:IntervalSeconds";

    public static TimeSpan? Interval(IConfiguration config) =>
        config.GetValue(IntervalSetting, 60) is var s and > 0 ? TimeSpan.FromSeconds(s) : null;

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (Interval(config) is not { } period) return;
        using var timer = new PeriodicTimer(period, time);
        while (await timer.WaitForNextTickAsync(stop))
        {
            try
            {
                var raised = await evaluator.RunAsync(ct: stop);
                if (raised.Count > 0) log.LogInformation("Raised {Count} warnings", raised.Count);
            }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Warning evaluation failed"); }
        }
    }
}
