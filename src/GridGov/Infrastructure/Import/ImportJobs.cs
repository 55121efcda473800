using System.Threading.Channels;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Infrastructure.Import;

// Runs queued batches one after another in the background, and on start resumes every batch a stop
// or a crash left unfinished. One at a time: SQLite has one writer, and a city's imports are not in
// a hurry to share the disk.
public sealed class ImportJobs(GridDatabase database, IServiceScopeFactory scopes, ILogger<ImportJobs> log) : BackgroundService
{
    readonly Channel<long> queue = Channel.CreateUnbounded<long>();

    public void Enqueue(long batchId) => queue.Writer.TryWrite(batchId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using (var db = database.CreateUnscoped(AuditActor.System))
                foreach (var id in await db.Set<ImportBatch>().Where(b => b.State == ImportState.Queued || b.State == ImportState.Running)
                             .OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(stoppingToken))
                    Enqueue(id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Before migrations on a new data folder there is no table yet; the next start resumes.
            log.LogWarning(e, "未能读取待续导入批次");
        }
        await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
        {
            // One batch's fault must not stop the others, nor the host (a BackgroundService that throws does).
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(id, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "导入批次 {Batch} 无法运行", id);
            }
        }
    }
}
