using GridGov.Features.Registry.People;
using GridGov.Features.Registry.Permits;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Dogs;

// 养犬登记 through the import pipeline: the keeper found by the keyed hash of the ID number (as the people
// import matches), in the uploader's scope; the dog kept at the keeper's home. A row whose licence number
// is known updates that dog (refused if the dog is registered outside the uploader's scope); any other
// row registers a new dog.
sealed class DogsImport(PersonalData personal, TimeProvider clock) : IImportTarget
{
    public const string KeeperId = "犬主证件号码", Breed = "品种", DogName = "犬名", Colour = "毛色", Gender = "性别", LicenceNo = "登记证号",
        LicenceExpires = "有效期至", VaccinatedOn = "疫苗接种日期", BornOn = "出生日期", ChipNo = "芯片号";

    public string Key => "dogs";
    public string Name => "养犬登记";
    public string EntityType => nameof(Dog);

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(KeeperId, true, "犬主的 18 位公民身份号码（须已登记在实有人口中）；Excel 中请设为文本格式", "320102198001011234", "犬主身份证号", "证件号码"),
        new(Breed, true, "最多 30 个字；大型犬、烈性犬按品种自动标记", "柯基", "犬种"),
        new(DogName, false, "最多 30 个字", "豆豆", "犬只名称"),
        new(Colour, false, "最多 20 个字", "黄白", "毛色"),
        new(Gender, false, "公或母", "公", "犬只性别"),
        new(LicenceNo, false, "养犬登记证号，全市唯一", "宁犬320102000001", "养犬登记证号", "犬证号"),
        new(LicenceExpires, false, "YYYY-MM-DD", "2026-06-30", "登记证有效期至"),
        new(VaccinatedOn, false, "最近一次狂犬疫苗接种日期 YYYY-MM-DD", "2025-07-01", "狂犬疫苗接种日期", "免疫日期"),
        new(BornOn, false, "YYYY-MM-DD", "2022-03-01", "犬只出生日期"),
        new(ChipNo, false, "最多 30 位", "", "电子芯片号"),
    ];

    static readonly Dictionary<string, string> Fields = new()
    {
        ["breed"] = Breed, ["name"] = DogName, ["colour"] = Colour, ["gender"] = Gender, ["bornOn"] = BornOn, ["licenceNo"] = LicenceNo,
        ["vaccinatedOn"] = VaccinatedOn, ["chipNo"] = ChipNo,
    };

    public async Task<IReadOnlyList<RowOutcome>> WriteAsync(ImportContext context, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var db = context.Db;
        var hashes = PeopleByHash.HashColumn(personal, rows, KeeperId, context.Today);
        var keepers = await PeopleByHash.FindAsync(db, hashes, cityWide: true, ct);
        var licences = rows.Select(r => r[LicenceNo]).Where(l => l.Length > 0).Distinct().ToList();
        var known = await db.Set<Dog>().IgnoreQueryFilters().Where(d => d.LicenceNo != null && EF.Parameter(licences).Contains(d.LicenceNo)).ToDictionaryAsync(d => d.LicenceNo!, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var inserts = new List<Dog>();
        var outcomes = new List<RowOutcome>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var problems = new List<RowProblem>();
            if (hashes[i] is null)
                problems.Add(new(KeeperId, row[KeeperId].Length == 0 ? "必填" : IdNumbers.Check(row[KeeperId], context.Today).Error ?? "不是有效的公民身份号码"));
            var keeper = hashes[i] is { } h && keepers.TryGetValue(h, out var found) && context.Scope.Contains(found.GridCode) ? found : null;
            if (hashes[i] is not null && keeper is null) problems.Add(new(KeeperId, "未找到此证件号码的人员（或此人不在您的数据范围内），请先登记实有人口"));
            var expires = RowDate.Parse(row, LicenceExpires, false, problems);
            var vaccinated = RowDate.Parse(row, VaccinatedOn, false, problems);
            var born = RowDate.Parse(row, BornOn, false, problems);
            string? Opt(string f) => row[f].Length > 0 ? row[f] : null;
            var checks = SaveDog.Check(row[Breed], Opt(DogName), Opt(Colour), Opt(Gender), born, Opt(LicenceNo), expires, vaccinated, Opt(ChipNo),
                context.Today, out var gender, f => Fields.GetValueOrDefault(f, f));
            foreach (var (field, messages) in checks)
                problems.AddRange(messages.Select(m => new RowProblem(field, m)));
            var licence = Opt(LicenceNo);
            var existing = licence is not null ? known.GetValueOrDefault(licence) : null;
            if (existing is not null && !context.Scope.Contains(existing.GridCode))
                problems.Add(new(LicenceNo, "此登记证号的犬只登记在您的数据范围以外，请核对"));
            if (problems.Count > 0) { outcomes.Add(new(row.Number, RowResult.Rejected, problems)); continue; }

            var dog = existing ?? new Dog
            {
                Source = RecordSource.Imported, SourceSystem = context.Batch.SourceSystem, ImportBatchId = context.Batch.Id, State = VerificationState.Pending, CreatedAt = now,
            };
            var breed = row[Breed];
            var before = (dog.KeeperId, dog.Breed, dog.Name, dog.Colour, dog.Gender, dog.BornOn, dog.LicenceExpires, dog.VaccinatedOn, dog.ChipNo);
            (dog.KeeperId, dog.KeeperName, dog.Breed, dog.Restricted, dog.Name, dog.Colour, dog.Gender, dog.BornOn) =
                (keeper!.Id, keeper.Name, breed, DogRules.IsRestricted(breed), Opt(DogName), Opt(Colour), gender, born);
            (dog.LicenceNo, dog.LicenceExpires, dog.VaccinatedOn, dog.ChipNo) = (licence, expires, vaccinated, Opt(ChipNo));
            if (dog.KeeperId != before.KeeperId || existing is null) (dog.AddressId, dog.GridCode) = (keeper.AddressId, keeper.GridCode);
            if (existing is not null)
            {
                var changed = before != (dog.KeeperId, dog.Breed, dog.Name, dog.Colour, dog.Gender, dog.BornOn, dog.LicenceExpires, dog.VaccinatedOn, dog.ChipNo);
                if (changed) { dog.UpdatedAt = now; dog.ImportBatchId = context.Batch.Id; dog.Version++; }
                outcomes.Add(new(row.Number, changed ? RowResult.Updated : RowResult.Unchanged, [], dog.GridCode));
                continue;
            }
            dog.UpdatedAt = now;
            if (licence is not null) known[licence] = dog;
            inserts.Add(dog);
            outcomes.Add(new(row.Number, RowResult.Inserted, [], dog.GridCode));
        }
        if (inserts.Count > 0)
        {
            await using var writer = new BulkWriter<Dog>(db);
            await writer.InsertManyAsync(inserts, ct);
        }
        return outcomes;
    }
}
