using System.Text.Json;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Infrastructure.Import;

// Runs one batch to its end from wherever it stands (ADR 0014): reads the stored file, skips the rows
// already done, and hands the target chunks of rows; each chunk's writes, quarantined rows, counters,
// cursor and its one Import audit record commit together. Killed at any point, the batch resumes from
// its last committed chunk and ends with the data an uninterrupted run writes.
public sealed class ImportRunner(GridDatabase database, ImportFiles files, PersonalData personal, IEnumerable<IImportTarget> targets,
    TimeProvider clock, ILogger<ImportRunner> log)
{
    public const int ChunkRows = 2000;

    public async Task RunAsync(long batchId, CancellationToken ct)
    {
        ImportBatch batch;
        await using (var db = database.CreateUnscoped(AuditActor.System))
            batch = await db.Set<ImportBatch>().AsNoTracking().SingleAsync(b => b.Id == batchId, ct);
        if (batch.State is ImportState.Done or ImportState.Failed) return;
        if (targets.FirstOrDefault(t => t.Key == batch.Target) is not { } target)
        {
            await FinishAsync(batch.Id, ImportState.Failed, $"导入中断：本系统不再能导入“{batch.TargetName}”", ct);
            return;
        }
        var scope = JsonSerializer.Deserialize<DataScope>(batch.ScopeJson)!;
        var actor = new AuditActor(batch.CreatedById, batch.CreatedByName, batch.CreatedByUnit, null);
        try
        {
            var (_, rows) = ImportFile.Open(files.PathOf(batch), batch.Format, batch.Encoding, ImportColumns.Canonical(target.Columns));
            var chunk = new List<ImportRow>(ChunkRows);
            var state = new Dictionary<string, object>();
            // The cursor counts rows handed to the target (blank lines are not rows).
            foreach (var row in rows.Skip(batch.DoneRows))
            {
                chunk.Add(row);
                if (chunk.Count == ChunkRows) { batch = await WriteChunkAsync(batch, target, scope, actor, chunk, state, ct); chunk.Clear(); }
            }
            if (chunk.Count > 0) batch = await WriteChunkAsync(batch, target, scope, actor, chunk, state, ct);
            await FinishAsync(batch.Id, ImportState.Done, null, ct);
            files.Delete(batch);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A fault of the file or the code, not of a row (rows are quarantined): the batch stops
            // with a reason; what was committed stays, and counts say how far it came.
            log.LogError(e, "导入批次 {Batch} 失败", batch.Id);
            var why = e is FileNotFoundException or DirectoryNotFoundException
                ? "上传的文件已不存在，请重新上传"
                : $"处理到第 {batch.DoneRows} 行后出错，已导入的行保留；请联系管理员查看服务器日志";
            await FinishAsync(batch.Id, ImportState.Failed, "导入中断：" + why, ct);
        }
    }

    async Task<ImportBatch> WriteChunkAsync(ImportBatch batch, IImportTarget target, DataScope scope, AuditActor actor, List<ImportRow> chunk,
        Dictionary<string, object> state, CancellationToken ct)
    {
        await using var db = database.Create(scope, actor);
        // The chunk writes before it saves: it takes the audit chain's turn first (see HoldAuditChainAsync).
        await using var turn = await db.HoldAuditChainAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await using var cache = await LargeCacheAsync(db, ct);
        var tracked = await db.Set<ImportBatch>().IgnoreQueryFilters().SingleAsync(b => b.Id == batch.Id, ct);
        var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var outcomes = await target.WriteAsync(new ImportContext(db, tracked, scope, today, state), chunk, ct);
        var byNumber = chunk.ToDictionary(r => r.Number);
        foreach (var o in outcomes.Where(o => o.Result == RowResult.Rejected))
        {
            var cipher = personal.Encrypt(JsonSerializer.Serialize(byNumber[o.Number].Values));
            foreach (var p in o.Problems)
                db.Add(new ImportIssue { BatchId = batch.Id, RowNumber = o.Number, Field = p.Field, Reason = Cut(p.Reason, 500), RowCipher = cipher, GridCode = tracked.GridCode });
        }
        tracked.State = ImportState.Running;
        tracked.DoneRows += chunk.Count;
        tracked.Inserted += outcomes.Count(o => o.Result == RowResult.Inserted);
        tracked.Updated += outcomes.Count(o => o.Result == RowResult.Updated);
        tracked.Unchanged += outcomes.Count(o => o.Result == RowResult.Unchanged);
        tracked.Rejected += outcomes.Count(o => o.Result == RowResult.Rejected);
        db.AuditSummary = new AuditSummary("Import", target.EntityType, batch.Id.ToString(), tracked.GridCode, JsonSerializer.Serialize(new
        {
            batch = batch.Id, file = tracked.FileName, rows = chunk.Count, from = chunk[0].Number, to = chunk[^1].Number,
            inserted = outcomes.Count(o => o.Result == RowResult.Inserted), updated = outcomes.Count(o => o.Result == RowResult.Updated),
            rejected = outcomes.Count(o => o.Result == RowResult.Rejected),
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return tracked;
    }

    // A chunk inserts into indexes on random hashes: with SQLite's default 2 MB page cache most of them
    // are read from disk again for every chunk (a million people imported in 172 s; with 64 MB, 125 s).
    // The larger cache is for the chunk only, not for every pooled connection of the web app.
    static async Task<IAsyncDisposable?> LargeCacheAsync(GridDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return null;
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-65536", ct);
        return new Restore(db);
    }

    sealed class Restore(GridDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-2000");
    }

    async Task FinishAsync(long id, ImportState state, string? error, CancellationToken ct)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<ImportBatch>().Where(b => b.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(b => b.State, state).SetProperty(b => b.Error, error is null ? null : Cut(error, 1000)).SetProperty(b => b.FinishedAt, now), ct);
    }

    static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
