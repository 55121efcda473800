using System.Globalization;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Focus;

// 重点关注对象 through the import pipeline: the person found by the keyed hash of their ID number among
// the uploader's people, the kind by its Chinese name, the worker by account name (who must see the
// grid); a known (person, kind) is updated where the file says otherwise, an equal one left alone.
sealed class FocusImport(PersonalData personal, TimeProvider clock) : IImportTarget
{
    public const string IdNumber = "证件号码", Kind = "关注类别", Risk = "风险等级", Every = "走访周期（天）", Worker = "责任网格员", Note = "备注";

    public string Key => "focus";
    public string Name => "重点关注对象";
    public string EntityType => nameof(FocusSubject);

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(IdNumber, true, "18 位公民身份号码，须已在实有人口中；Excel 中请设为文本格式", "320102198001011234", "公民身份号码", "身份证号", "身份证号码"),
        new(Kind, true, string.Join("、", FocusKinds.All.Select(k => k.Name)), "独居老人", "类别", "人员类别"),
        new(Risk, true, "高、中或低", "中", "风险"),
        new(Every, false, "1–366 的整数；不填则按风险等级（高 7 天、中 14 天、低 30 天）", "14",
            // The shared cleaning makes full-width brackets half-width, headers included.
            "走访周期(天)", "走访周期", "走访频次(天)"),
        new(Worker, false, "责任网格员的登录账号，须能查看该人员所在网格", "grid", "责任人"),
        new(Note, false, "最多 500 个字", "", "说明"),
    ];

    public async Task<IReadOnlyList<RowOutcome>> WriteAsync(ImportContext context, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var db = context.Db;
        var ids = rows.Select(r => IdNumbers.Check(r[IdNumber], context.Today)).ToList();
        var hashes = ids.Where(i => i.Valid).Select(i => PersonNumbers.IdHashOf(personal, "111", i.Number!)).Distinct().ToList();
        // Scoped: a person outside the uploader's area is not one of "their" people.
        var people = await PeopleByHash.FindAsync(db, hashes, cityWide: false, ct);
        var personIds = people.Values.Select(p => p.Id).ToList();
        // Unscoped on purpose: (person, kind) is unique city-wide; a row filed elsewhere is refused, not doubled.
        var known = await db.Set<FocusSubject>().IgnoreQueryFilters().Where(s => EF.Parameter(personIds).Contains(s.PersonId)).ToListAsync(ct);
        var classes = await db.Set<PersonClassRecord>().IgnoreQueryFilters().Where(c => EF.Parameter(personIds).Contains(c.PersonId))
            .Select(c => new { c.PersonId, c.Class }).ToListAsync(ct);
        var hasClass = classes.Select(c => (c.PersonId, c.Class)).ToHashSet();
        var workers = new FocusWorkers(db);
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
            var kind = FocusKinds.ByName(row[Kind]);
            if (kind is null) problems.Add(new(Kind, row[Kind].Length == 0 ? "必填" : $"“{row[Kind]}”不是重点关注类别（{string.Join("、", FocusKinds.All.Select(k => k.Name))}）"));
            else if (kind.Special && !context.Scope.SeesRestricted) problems.Add(new(Kind, $"“{kind.Name}”属于特殊人群，需要“查看特殊人群”权限才能导入"));
            var risk = FocusKinds.RiskOf(row[Risk]);
            if (risk is null) problems.Add(new(Risk, row[Risk].Length == 0 ? "必填（高、中或低）" : $"“{row[Risk]}”应为高、中或低"));
            int? every = null;
            if (row[Every] is { Length: > 0 } everyText)
            {
                if (int.TryParse(everyText, NumberStyles.None, CultureInfo.InvariantCulture, out var e) && e is >= 1 and <= 366) every = e;
                else problems.Add(new(Every, $"应为 1–366 的整数，“{everyText}”不是"));
            }
            var note = row[Note].Length == 0 ? null : row[Note];
            if (note?.Length > 500) problems.Add(new(Note, "不能超过 500 个字"));
            FocusWorker? worker = null;
            if (row[Worker] is { Length: > 0 } account && person is not null)
            {
                var check = await workers.IdByNameAsync(account, ct) is { } wid ? await workers.CheckAsync(wid, person.GridCode, ct) : null;
                if (check?.Value is { } w) worker = w;
                else problems.Add(new(Worker, check is null ? $"账号“{account}”不存在或不在您的辖区内" : check.Message!.Replace("责任网格员：", "")));
            }
            if (problems.Count > 0) { outcomes.Add(new(row.Number, RowResult.Rejected, problems)); continue; }
            var days = every ?? FocusSubject.DefaultVisitDays(risk!.Value);
            var existing = known.FirstOrDefault(s => s.PersonId == person!.Id && s.Kind == kind!.Key);
            if (existing is not null)
            {
                if (!context.Scope.Contains(existing.GridCode) || existing.Special && !context.Scope.SeesRestricted)
                {
                    outcomes.Add(RowOutcome.Reject(row.Number, Kind, "此人的该类别记录登记在您的数据范围以外，请联系其所在社区"));
                    continue;
                }
                var changed = existing.Risk != risk || existing.VisitEveryDays != days || existing.ResponsibleId != worker?.Id || existing.Note != note;
                if (changed)
                {
                    if (existing.VisitEveryDays != days) existing.NextVisitDue = Infrastructure.ChinaTime.DateOf(existing.LastVisitAt ?? existing.CreatedAt).AddDays(days);
                    (existing.Risk, existing.VisitEveryDays, existing.ResponsibleId, existing.ResponsibleName, existing.Note) = (risk!.Value, days, worker?.Id, worker?.DisplayName, note);
                    existing.ImportBatchId = context.Batch.Id;
                    existing.UpdatedAt = now;
                    existing.Version++;
                }
                outcomes.Add(new(row.Number, changed ? RowResult.Updated : RowResult.Unchanged, [], existing.GridCode));
                continue;
            }
            var subject = new FocusSubject
            {
                PersonId = person!.Id, Kind = kind!.Key, Special = kind.Special, Risk = risk!.Value, VisitEveryDays = days, ResponsibleId = worker?.Id,
                ResponsibleName = worker?.DisplayName, NextVisitDue = context.Today.AddDays(days), Note = note, GridCode = person.GridCode,
                Source = RecordSource.Imported, SourceSystem = context.Batch.SourceSystem, ImportBatchId = context.Batch.Id, State = VerificationState.Pending,
                CreatedAt = now, UpdatedAt = now,
            };
            db.Add(subject);
            known.Add(subject);
            if (hasClass.Add((person.Id, kind.Key)))
                db.Add(new PersonClassRecord
                {
                    PersonId = person.Id, Class = kind.Key, Special = kind.Special, GridCode = person.GridCode, Source = RecordSource.Imported,
                    SourceSystem = context.Batch.SourceSystem, ImportBatchId = context.Batch.Id, State = VerificationState.Pending, CreatedAt = now, UpdatedAt = now,
                });
            outcomes.Add(new(row.Number, RowResult.Inserted, [], person.GridCode));
        }
        return outcomes;
    }
}
