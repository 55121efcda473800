using GridGov.Features.Registry.Codes;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Permits;

// 居住证 through the import pipeline: the holder found by the keyed hash of the ID number (as the people
// import matches), in the uploader's scope; a permit is known by its holder and issue date (updated
// where the file says otherwise), a new one cancels the holder's permits still in force on its date.
sealed class PermitsImport(CodeBook codes, PersonalData personal, TimeProvider clock) : IImportTarget
{
    public const string IdNumber = "证件号码", HolderName = "姓名", Kind = "办证类型", IssuedOn = "签发日期", ExpiresOn = "有效期至", IssuedBy = "签发机关";

    public string Key => "permits";
    public string Name => "居住证";
    public string EntityType => nameof(ResidencePermit);

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(IdNumber, true, "持证人的 18 位公民身份号码（须已登记在实有人口中）；Excel 中请设为文本格式", "320102198001011234", "公民身份号码", "身份证号", "身份证号码"),
        new(HolderName, false, "持证人姓名（填写时须与实有人口一致）", "张三", "持证人"),
        new(Kind, false, "居住证、暂住证或其他（不填为居住证）", "居住证"),
        new(IssuedOn, true, "YYYY-MM-DD", "2025-03-01", "登记日期", "发证日期"),
        new(ExpiresOn, true, "YYYY-MM-DD，须晚于签发日期", "2026-02-28", "证件到期日期", "到期日期"),
        new(IssuedBy, false, "最多 100 个字", "南京市公安局玄武分局", "发证机关"),
    ];

    public async Task<IReadOnlyList<RowOutcome>> WriteAsync(ImportContext context, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var db = context.Db;
        var hashes = PeopleByHash.HashColumn(personal, rows, IdNumber, context.Today);
        var holders = await PeopleByHash.FindAsync(db, hashes, cityWide: true, ct);
        var ids = holders.Values.Select(h => h.Id).ToList();
        var permits = (await db.Set<ResidencePermit>().IgnoreQueryFilters().Where(p => EF.Parameter(ids).Contains(p.PersonId)).ToListAsync(ct))
            .GroupBy(p => p.PersonId).ToDictionary(g => g.Key, g => g.ToList());
        var now = clock.GetUtcNow().UtcDateTime;
        var inserts = new List<ResidencePermit>();
        var outcomes = new List<RowOutcome>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var problems = new List<RowProblem>();
            if (hashes[i] is null)
                problems.Add(new(IdNumber, row[IdNumber].Length == 0 ? "必填" : IdNumbers.Check(row[IdNumber], context.Today).Error ?? "不是有效的公民身份号码"));
            var holder = hashes[i] is { } h && holders.TryGetValue(h, out var found) && context.Scope.Contains(found.GridCode) ? found : null;
            if (hashes[i] is not null && holder is null) problems.Add(new(IdNumber, "未找到此证件号码的人员（或此人不在您的数据范围内），请先登记实有人口"));
            if (holder is not null && row[HolderName].Length > 0 && row[HolderName] != holder.Name) problems.Add(new(HolderName, $"与实有人口中此证件号码的姓名“{holder.Name}”不一致"));
            var issued = RowDate.Parse(row, IssuedOn, true, problems);
            var expires = RowDate.Parse(row, ExpiresOn, true, problems);
            string? kind = null;
            if (issued is { } iOn && expires is { } eOn)
                foreach (var (field, messages) in IssuePermit.Check(codes, context.Today, row[Kind], iOn, eOn, row[IssuedBy], out kind, Kind, IssuedOn, ExpiresOn, IssuedBy))
                    problems.AddRange(messages.Select(m => new RowProblem(field, m)));
            if (problems.Count > 0) { outcomes.Add(new(row.Number, RowResult.Rejected, problems)); continue; }

            var mine = permits.TryGetValue(holder!.Id, out var l) ? l : permits[holder.Id] = [];
            var by = row[IssuedBy].Length > 0 ? row[IssuedBy] : null;
            if (mine.FirstOrDefault(p => p.IssuedOn == issued) is { } same)
            {
                var changed = same.ExpiresOn != expires || same.Kind != kind || same.IssuedBy != by;
                if (changed)
                {
                    (same.ExpiresOn, same.Kind, same.IssuedBy) = (expires!.Value, kind!, by);
                    if (same.Id != 0) { same.UpdatedAt = now; same.ImportBatchId = context.Batch.Id; same.Version++; }
                }
                outcomes.Add(new(row.Number, changed ? RowResult.Updated : RowResult.Unchanged, [], same.GridCode));
                continue;
            }
            foreach (var old in mine.Where(p => p.CancelledOn == null && p.IssuedOn < issued && p.ExpiresOn >= issued))
            {
                old.CancelledOn = issued;
                if (old.Id != 0) { old.UpdatedAt = now; old.Version++; }
            }
            var permit = new ResidencePermit
            {
                PersonId = holder.Id, GridCode = holder.GridCode, Kind = kind!, IssuedOn = issued!.Value, ExpiresOn = expires!.Value, IssuedBy = by,
                // A permit issued after this one (a later row, or one on file) means this one was replaced.
                CancelledOn = mine.Where(p => p.IssuedOn > issued && p.IssuedOn <= expires).Select(p => (DateOnly?)p.IssuedOn).Min(),
                Source = RecordSource.Imported, SourceSystem = context.Batch.SourceSystem, ImportBatchId = context.Batch.Id,
                State = VerificationState.Pending, CreatedAt = now, UpdatedAt = now,
            };
            mine.Add(permit);
            inserts.Add(permit);
            outcomes.Add(new(row.Number, RowResult.Inserted, [], permit.GridCode));
        }
        if (inserts.Count > 0)
        {
            await using var writer = new BulkWriter<ResidencePermit>(db);
            await writer.InsertManyAsync(inserts, ct);
        }
        return outcomes;
    }
}
