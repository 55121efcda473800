using System.Text.Json;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Export;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.Text;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Imports;

public sealed record ImportIssueRow(int RowNumber, string Field, string Reason);

// A batch's report (progress and counts), its quarantine (row, field, reason) and the corrected-file
// template: the rejected rows as they came, with a 错误原因 column, ready to fix and import again.
// Batches belong to the uploader's unit: outside the caller's scope they answer 404.
public sealed class ImportReports(GridDbContext db, ImportStaging staging, PersonalData personal, CurrentUser user, XlsxExport export)
{
    public const string ReasonHeader = "错误原因";

    public async Task<Result<ImportBatchView>> GetAsync(long id, CancellationToken ct = default)
    {
        var b = await db.Set<ImportBatch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        return b is null ? Result<ImportBatchView>.NotFound() : Result<ImportBatchView>.Ok(ImportBatchView.Of(b));
    }

    public async Task<Result<PagedResult<ImportBatchView>>> ListAsync(int page, int pageSize, CancellationToken ct = default)
    {
        var (p, size, bad) = Paging.Of(page, pageSize, 20, 100);
        if (bad is not null) return Result<PagedResult<ImportBatchView>>.Invalid(bad);
        var batches = db.Set<ImportBatch>().AsNoTracking();
        var total = await batches.CountAsync(ct);
        var items = await batches.OrderByDescending(b => b.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return Result<PagedResult<ImportBatchView>>.Ok(new([.. items.Select(b => ImportBatchView.Of(b))], total, p, size));
    }

    public async Task<Result<PagedResult<ImportIssueRow>>> IssuesAsync(long id, int page, int pageSize, CancellationToken ct = default)
    {
        var (p, size, bad) = Paging.Of(page, pageSize, 50, 500);
        if (bad is not null) return Result<PagedResult<ImportIssueRow>>.Invalid(bad);
        if (!await db.Set<ImportBatch>().AnyAsync(b => b.Id == id, ct)) return Result<PagedResult<ImportIssueRow>>.NotFound();
        var issues = db.Set<ImportIssue>().AsNoTracking().Where(i => i.BatchId == id);
        var total = await issues.CountAsync(ct);
        var items = await issues.OrderBy(i => i.RowNumber).ThenBy(i => i.Id).Skip((p - 1) * size).Take(size)
            .Select(i => new ImportIssueRow(i.RowNumber, i.Field, i.Reason)).ToListAsync(ct);
        return Result<PagedResult<ImportIssueRow>>.Ok(new(items, total, p, size));
    }

    // The rejected rows in the target's column order, then the reasons. Without the unmask permission
    // the ID and phone columns come masked (the file is then for reading, not for re-importing).
    public async Task<IResult> CorrectionsAsync(long id, CancellationToken ct = default)
    {
        var batch = await db.Set<ImportBatch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null || staging.Target(batch.Target) is not { } target) return TypedResults.NotFound();
        var issues = await db.Set<ImportIssue>().AsNoTracking().Where(i => i.BatchId == id).OrderBy(i => i.RowNumber).ThenBy(i => i.Id).ToListAsync(ct);
        var unmask = user.Has(Permissions.RegistryUnmask);
        var rows = issues.GroupBy(i => i.RowNumber).Select(g =>
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, string>>(personal.Decrypt(g.First().RowCipher))!;
            return (Values: values, Reason: $"第 {g.Key} 行：" + string.Join("；", g.Select(i => $"{i.Field}：{i.Reason}")));
        }).ToList();
        var columns = target.Columns.Select(c => new XlsxColumn<(Dictionary<string, string> Values, string Reason)>(c.Header,
                r => Shown(c.Header, r.Values.GetValueOrDefault(c.Header, ""), unmask), c.Header.Length > 4 ? 22 : 14))
            .Append(new(ReasonHeader, r => r.Reason, 60)).ToList();
        return await export.FileAsync(rows, columns, target.EntityType, $"{target.Name}导入待修正-{batch.Id}", $"导入批次 {batch.Id} 的未通过行", ct);
    }

    static string Shown(string header, string value, bool unmask) => unmask || value.Length == 0 ? value
        : header.Contains("身份") || header.Contains("证件号") ? IdNumbers.Mask(value)
        : header.Contains("电话") || header.Contains("手机") ? Phones.Mask(value) : value;
}
