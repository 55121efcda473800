using GridGov.Features.Registry.Codes;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.People;

// Person class records through the import pipeline: a row names a registered person (by ID number),
// a class, and any of that class's GB/T 31000 fields as columns headed by the standard's field names
// (a file may hold columns of several classes; each row reads its own class's). Special classes need
// registry.special in the uploader's scope; the same file twice changes nothing.
sealed class PersonClassImport(ClassFields classFields, CodeBook codes, PersonalData personal, TimeProvider clock) : IImportTarget
{
    public const string IdNumber = "公民身份号码", Class = "人员类别";

    public string Key => "person-classes";
    public string Name => "人员类别信息";
    public string EntityType => nameof(PersonClassRecord);

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(IdNumber, true, "已登记在实有人口中的人员的公民身份号码", "320102198001011234", "身份证号", "证件号码"),
        new(Class, true, "类别名称或编号：户籍人口、流动人口、留守人员、境外人员、刑满释放人员、社区矫正人员、严重精神障碍患者、吸毒人员、艾滋病危险人员、重点青少年、信访人员、独居老人、困难群众、残疾人", "流动人口", "类别"),
        new("流入原因", false, "其余各列以 GB/T 31000 的字段名为表头，填写该类别的字段（代码可填名称），如 流动人口 的 流入原因、住所类型", "务工"),
    ];

    public async Task<IReadOnlyList<RowOutcome>> WriteAsync(ImportContext context, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var db = context.Db;
        var outcomes = new RowOutcome?[rows.Count];
        var hashes = new string?[rows.Count];
        var classes = new PersonClasses.Definition?[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var id = IdNumbers.Check(rows[i][IdNumber], context.Today);
            var c = rows[i][Class] is var text && text.Length > 0 ? PersonClasses.All.FirstOrDefault(d => d.Key == text || d.Name == text) : null;
            if (!id.Valid) outcomes[i] = RowOutcome.Reject(rows[i].Number, IdNumber, id.Error!);
            else if (c is null) outcomes[i] = RowOutcome.Reject(rows[i].Number, Class, text.Length == 0 ? "必填" : $"“{text}”不是人员类别");
            else if (c.Special && !context.Scope.SeesRestricted) outcomes[i] = RowOutcome.Reject(rows[i].Number, Class, $"导入{c.Name}需要“查看特殊人群”权限");
            else (hashes[i], classes[i]) = (PersonNumbers.IdHashOf(personal, "111", id.Number!), c);
        }
        // Scoped: someone outside the uploader's area is "not registered" to them.
        var people = await PeopleByHash.FindAsync(db, hashes, cityWide: false, ct);
        var ids = people.Values.Select(p => p.Id).ToList();
        var records = await db.Set<PersonClassRecord>().IgnoreQueryFilters().Where(r => EF.Parameter(ids).Contains(r.PersonId)).ToDictionaryAsync(r => (r.PersonId, r.Class), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < rows.Count; i++)
        {
            if (outcomes[i] is not null) continue;
            var row = rows[i];
            if (!people.TryGetValue(hashes[i]!, out var person))
            {
                outcomes[i] = RowOutcome.Reject(row.Number, IdNumber, "此人不在您辖区的实有人口中，请先登记或导入人员");
                continue;
            }
            var c = classes[i]!;
            var own = classFields.Of(c.Key).Select(f => f.Name).ToHashSet();
            var input = row.Values.Where(v => own.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value);
            records.TryGetValue((person.Id, c.Key), out var record);
            var current = record is null ? null : SavePersonClass.Read(record.Fields);
            // An empty cell in a file means "not given", not "clear it".
            foreach (var key in input.Where(v => v.Value.Length == 0).Select(v => v.Key).ToList()) input.Remove(key);
            var checkedFields = classFields.Check(c.Key, input, current, codes, personal, context.Today);
            if (checkedFields.Problems.Count > 0) { outcomes[i] = new(row.Number, RowResult.Rejected, checkedFields.Problems); continue; }
            if (current is not null) classFields.KeepCiphers(checkedFields.Fields, current, personal);
            var json = classFields.Serialize(checkedFields.Fields, c.Key);
            if (record is null)
            {
                record = new PersonClassRecord
                {
                    PersonId = person.Id, Class = c.Key, Special = c.Special, GridCode = person.GridCode, Fields = json, Source = RecordSource.Imported,
                    SourceSystem = context.Batch.SourceSystem, ImportBatchId = context.Batch.Id, State = VerificationState.Pending, CreatedAt = now, UpdatedAt = now,
                };
                db.Add(record);
                records[(person.Id, c.Key)] = record;
                outcomes[i] = new(row.Number, RowResult.Inserted, [], person.GridCode);
            }
            else if (record.Fields != json)
            {
                record.Fields = json;
                record.UpdatedAt = now;
                record.ImportBatchId = context.Batch.Id;
                if (db.Entry(record).State != EntityState.Added) record.Version++;
                outcomes[i] = new(row.Number, RowResult.Updated, [], person.GridCode);
            }
            else outcomes[i] = new(row.Number, RowResult.Unchanged, [], person.GridCode);
        }
        return [.. outcomes.Select(o => o!)];
    }
}
