using System.Threading.Channels;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Intake;

// Group commit for intake: reports arriving together are written together, in one transaction with
// one pass of the audit chain, each audited as its own reporter's. Every write of the chain is
// serialised anyway (one head), so one writer that takes whatever has queued up turns a thousand
// tiny transactions into a handful of bigger ones, while the checks before and the duplicate
// search after still run in parallel on every core.
public sealed class IntakeWriter : IAsyncDisposable
{
    const int MaxBatch = 256;
    readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(10_000) { SingleReader = true });
    readonly GridDatabase database;
    readonly ILogger<IntakeWriter> log;
    readonly Task loop;

    sealed record Pending(Ticket Ticket, AuditActor Actor, TaskCompletionSource Done);

    public IntakeWriter(GridDatabase database, ILogger<IntakeWriter> log)
    {
        (this.database, this.log) = (database, log);
        loop = Task.Run(RunAsync);
    }

    // Completes when the ticket (with its history rows) is committed; throws what its save threw.
    public async Task SaveAsync(Ticket ticket, AuditActor actor, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await queue.Writer.WriteAsync(new Pending(ticket, actor, done), ct);
        await done.Task;
    }

    async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var p)) batch.Add(p);
            try { await WriteAsync(batch); }
            catch (Exception e)
            {
                // One bad report (a duplicate request id raced in from another node) must not fail
                // the others: write them one by one, and each hears its own outcome.
                log.LogDebug(e, "Intake batch of {Count} failed; writing one by one", batch.Count);
                foreach (var p in batch)
                {
                    try { await WriteAsync([p]); }
                    catch (Exception one) { p.Done.TrySetException(one); }
                }
            }
            batch.Clear();
        }
    }

    async Task WriteAsync(List<Pending> batch)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        db.EntityActors = [];
        foreach (var p in batch)
        {
            // Keys a failed batch may have handed out were rolled back with it: the database gives new ones.
            p.Ticket.Id = 0;
            db.Tickets.Add(p.Ticket);
            db.EntityActors[p.Ticket] = p.Actor;
            foreach (var e in p.Ticket.Events)
            {
                e.Id = 0;
                db.EntityActors[e] = p.Actor;
            }
        }
        await db.SaveChangesAsync();
        foreach (var p in batch) p.Done.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }
}
