namespace GridGov.Infrastructure.Time;

// The loop of a background job that runs every `period` (first after one period): a round that fails
// is logged and the next one runs as planned; only stopping the host ends the loop.
public static class Periodic
{
    public static async Task RunAsync(TimeSpan period, TimeProvider time, Func<CancellationToken, Task> round, ILogger log, string failed,
        CancellationToken stop)
    {
        using var timer = new PeriodicTimer(period, time);
        while (await timer.WaitForNextTickAsync(stop))
        {
            try { await round(stop); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "{Job} failed", failed); }
        }
    }
}
