using System.Globalization;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Party;

// 党员 through the import pipeline: the person by the keyed hash of their ID number among the
// uploader's people, the organisation by its name within the uploader's area; a known membership is
// updated where the file says otherwise, an equal one left alone.
sealed class PartyMemberImport(PersonalData personal, TimeProvider clock) : IImportTarget
{
    public const string IdNumber = "证件号码", Org = "所在党组织", Status = "党员类别", Joined = "入党日期", Mobile = "流动党员", Reported = "已报到", Duty = "网格职务";

    public string Key => "party-members";
    public string Name => "党员";
    public string EntityType => nameof(PartyMember);

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(IdNumber, true, "18 位公民身份号码，须已在实有人口中；Excel 中请设为文本格式", "320102198001011234", "公民身份号码", "身份证号", "身份证号码"),
        new(Org, true, "本辖区党组织的名称", "梅园新村社区第一党支部", "党组织", "所在支部"),
        new(Status, true, "正式或预备", "正式", "类别"),
        new(Joined, false, "YYYY-MM-DD", "2005-07-01", "入党时间"),
        new(Mobile, false, "是或否（不填为否）", "否"),
        new(Reported, false, "是或否（在职党员到社区报到；不填为否）", "是", "已到社区报到", "报到"),
        new(Duty, false, "最多 50 个字，如 网格党小组长、楼栋党员中心户", "楼栋党员中心户", "职务"),
    ];

    public async Task<IReadOnlyList<RowOutcome>> WriteAsync(ImportContext context, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var db = context.Db;
        var ids = rows.Select(r => IdNumbers.Check(r[IdNumber], context.Today)).ToList();
        var hashes = ids.Where(i => i.Valid).Select(i => PersonNumbers.IdHashOf(personal, "111", i.Number!)).Distinct().ToList();
        var people = await PeopleByHash.FindAsync(db, hashes, cityWide: false, ct);
        var personIds = people.Values.Select(p => p.Id).ToList();
        // Unscoped on purpose: one membership per person city-wide.
        var known = await db.Set<PartyMember>().IgnoreQueryFilters().Where(m => EF.Parameter(personIds).Contains(m.PersonId)).ToDictionaryAsync(m => m.PersonId, ct);
        var orgs = (await db.Set<PartyOrg>().Where(o => o.State != VerificationState.Removed).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .ToLookup(o => o.Name, o => o.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        var outcomes = new List<RowOutcome>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var problems = new List<RowProblem>();
            var id = ids[i];
            var person = id.Valid ? people.GetValueOrDefault(PersonNumbers.IdHashOf(personal, "111", id.Number!)) : null;
            if (!id.Valid) problems.Add(new(IdNumber, id.Error!));
            else if (person is null) problems.Add(new(IdNumber, "人员不在实有人口中（或不在您的数据范围内），请先导入实有人口"));
            var orgIds = orgs[row[Org]].ToList();
            if (row[Org].Length == 0) problems.Add(new(Org, "必填"));
            else if (orgIds.Count == 0) problems.Add(new(Org, $"您的辖区内没有名为“{row[Org]}”的党组织"));
            else if (orgIds.Count > 1) problems.Add(new(Org, $"您的辖区内有 {orgIds.Count} 个名为“{row[Org]}”的党组织，请先改名区分"));
            PartyMemberStatus? status = row[Status] switch { "正式" or "正式党员" => PartyMemberStatus.Full, "预备" or "预备党员" => PartyMemberStatus.Probationary, _ => null };
            if (status is null) problems.Add(new(Status, row[Status].Length == 0 ? "必填（正式或预备）" : $"“{row[Status]}”应为正式或预备"));
            DateOnly? joined = null;
            if (row[Joined] is { Length: > 0 } text)
            {
                if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyyMMdd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    && d.Year >= 1921 && d <= context.Today) joined = d;
                else problems.Add(new(Joined, $"“{text}”不是 1921 年至今天之间的日期（YYYY-MM-DD）"));
            }
            bool? YesNo(string field)
            {
                var v = row[field];
                if (v.Length == 0) return false;
                if (v is "是" or "否") return v == "是";
                problems.Add(new(field, $"应为是或否，“{v}”不是"));
                return null;
            }
            var mobile = YesNo(Mobile);
            var reported = YesNo(Reported);
            var duty = row[Duty].Length == 0 ? null : row[Duty];
            if (duty?.Length > 50) problems.Add(new(Duty, "不能超过 50 个字"));
            if (problems.Count > 0) { outcomes.Add(new(row.Number, RowResult.Rejected, problems)); continue; }
            if (known.TryGetValue(person!.Id, out var existing))
            {
                if (!context.Scope.Contains(existing.GridCode))
                {
                    outcomes.Add(RowOutcome.Reject(row.Number, IdNumber, "此人的党员记录登记在您的数据范围以外，请联系其所在社区办理组织关系转接"));
                    continue;
                }
                var changed = existing.PartyOrgId != orgIds[0] || existing.Status != status || existing.JoinedOn != joined || existing.Mobile != mobile
                    || existing.ReportedToCommunity != reported || existing.Duty != duty || existing.State == VerificationState.Removed;
                if (changed)
                {
                    (existing.PartyOrgId, existing.Status, existing.JoinedOn, existing.Mobile, existing.ReportedToCommunity, existing.Duty) =
                        (orgIds[0], status!.Value, joined, mobile!.Value, reported!.Value, duty);
                    if (existing.State == VerificationState.Removed) existing.State = VerificationState.Pending;
                    existing.ImportBatchId = context.Batch.Id;
                    existing.UpdatedAt = now;
                    existing.Version++;
                }
                outcomes.Add(new(row.Number, changed ? RowResult.Updated : RowResult.Unchanged, [], existing.GridCode));
                continue;
            }
            var member = new PartyMember
            {
                PersonId = person.Id, PartyOrgId = orgIds[0], Status = status!.Value, JoinedOn = joined, Mobile = mobile!.Value, ReportedToCommunity = reported!.Value,
                Duty = duty, GridCode = person.GridCode, Source = RecordSource.Imported, SourceSystem = context.Batch.SourceSystem, ImportBatchId = context.Batch.Id,
                State = VerificationState.Pending, CreatedAt = now, UpdatedAt = now,
            };
            db.Add(member);
            known[person.Id] = member;
            outcomes.Add(new(row.Number, RowResult.Inserted, [], person.GridCode));
        }
        return outcomes;
    }
}
