using GridGov.Infrastructure.Time;
namespace GridGov.Features.Analytics.Warnings;

// Evaluates the warning rules periodically: every minute unless GridGov:Warnings:IntervalSeconds says
// otherwise (0 turns it off; the tests call the evaluator themselves at the times they choose).
public sealed class WarningWatcher(WarningEvaluator evaluator, IConfiguration config, TimeProvider time, ILogger<WarningWatcher> log) : BackgroundService
{
    public const string IntervalSetting = "GridGov:Warnings:IntervalSeconds";

    public static TimeSpan? Interval(IConfiguration config) =>
        config.GetValue(IntervalSetting, 60) is var s and > 0 ? TimeSpan.FromSeconds(s) : null;

    protected override Task ExecuteAsync(CancellationToken stop) =>
        Interval(config) is not { } period ? Task.CompletedTask : Periodic.RunAsync(period, time, async ct =>
        {
            var raised = await evaluator.RunAsync(ct: ct);
            if (raised.Count > 0) log.LogInformation("Raised {Count} warnings", raised.Count);
        }, log, "Warning evaluation", stop);
}
