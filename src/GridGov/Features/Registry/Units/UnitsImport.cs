using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Codes;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Units;

// 实有单位 through the import pipeline: each row checked (UnitCheck), placed at a standard address or
// grid in the uploader's scope, then matched by its credit code (not a personal number: no hash), or,
// without one (个体工商户, 机关), by its name in the same grid. New → inserted (待核实), known → updated
// where the file says otherwise, equal → left alone. A code registered outside the uploader's scope is
// not touched: the row is quarantined with the reason.
sealed class UnitsImport(CodeBook codes, PersonalData personal, UnitPlaces places, TimeProvider clock) : IImportTarget
{
    public string Key => "units";
    public string Name => "实有单位";
    public string EntityType => nameof(Unit);

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(UnitCheck.Name, true, "最多 100 个字", "南京市玄武区兰园便利店", "企业名称", "社会组织名称", "名称"),
        new(UnitCheck.Kind, true, "非公有制经济组织、社会组织、机关、事业单位或个体工商户", "个体工商户", "类型"),
        new(UnitCheck.CreditCode, false, "18 位（GB 32100）；非公有制经济组织和社会组织必填", "92320102MA1XXXXX0Q", "工商执照注册号", "信用代码"),
        new(UnitCheck.Category, false, "企业类别（内资企业、外资企业、个体工商户…）或社会组织类型（社会团体、民办非企业单位、基金会…）", "个体工商户", "企业类别", "社会组织类型"),
        new(UnitCheck.Address, false, "必填（除非填写网格编码）：本辖区的标准地址，如 中山路2号", "中山路2号", "企业地址", "住所", "地址"),
        new(UnitCheck.Community, false, "单位地址所在社区的名称（地址同名时注明）", "兰园社区", "社区"),
        new(UnitCheck.GridCode, false, "15 位网格编码（没有标准地址时填写）", "320102002001001", "网格"),
        new(UnitCheck.Phone, false, "11 位手机号码或带区号的固定电话", "025-84561234", "企业联系方式", "联系电话"),
        new(UnitCheck.Employees, false, "整数", "5", "企业员工数", "从业人员数"),
        new(UnitCheck.LegalRepName, false, "最多 80 个字", "张三", "法定代表人姓名", "负责人姓名"),
        new(UnitCheck.LegalRepIdType, false, "GA/T 517 证件代码，居民身份证为 111（不填即 111）", "111", "法定代表人证件代码"),
        new(UnitCheck.LegalRepIdNumber, false, "18 位公民身份号码；Excel 中请设为文本格式", "320102198001011234", "法定代表人身份证号"),
        new(UnitCheck.LegalRepPhone, false, "11 位手机号码或带区号的固定电话", "13812345678", "法定代表人联系方式"),
        new(UnitCheck.SecurityName, false, "最多 50 个字", "李四", "治保负责人姓名"),
        new(UnitCheck.SecurityPhone, false, "11 位手机号码或带区号的固定电话", "13912345678", "治保负责人联系方式"),
        new(UnitCheck.Hazardous, false, "是或否", "否", "是否危化企业"),
        new(UnitCheck.HazardType, false, "无、治安隐患、消防隐患、矛盾纠纷隐患、劳资纠纷隐患或其他", "无"),
        new(UnitCheck.Attention, false, "高、中或低", "低"),
        new(UnitCheck.HasPartyOrg, false, "是或否", "否", "是否有中共党组织"),
        new(UnitCheck.PartyMembers, false, "整数", "0", "中共党员数量"),
    ];

    public async Task<IReadOnlyList<RowOutcome>> WriteAsync(ImportContext context, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var db = context.Db;
        var checkedRows = rows.Select(r => (Row: r, Result: UnitCheck.Check(h => r[h], null, null, codes, context.Today))).ToList();
        var seen = (AddressCache)(context.RunState.TryGetValue(nameof(UnitsImport), out var c) ? c : context.RunState[nameof(UnitsImport)] = new AddressCache());
        var matches = await places.MatchAsync(db, [.. checkedRows.Select(c => c.Result.Draft)], seen, ct);
        var creditCodes = checkedRows.Select(c => c.Result.Draft.CreditCode).OfType<string>().Distinct().ToList();
        // Unscoped on purpose: a unit known elsewhere must be found to be refused, not inserted twice.
        var known = await db.Set<Unit>().IgnoreQueryFilters().Where(u => u.CreditCode != null && creditCodes.Contains(u.CreditCode))
            .ToDictionaryAsync(u => u.CreditCode!, ct);
        var names = checkedRows.Where(c => c.Result.Draft.CreditCode is null).Select(c => c.Result.Draft.Name).Distinct().ToList();
        var byName = (await db.Set<Unit>().Where(u => u.CreditCode == null && names.Contains(u.Name)).ToListAsync(ct))
            .GroupBy(u => (u.Name, u.GridCode)).ToDictionary(g => g.Key, g => g.First());
        var now = clock.GetUtcNow().UtcDateTime;
        var inserts = new Dictionary<string, Unit>();
        var outcomes = new List<RowOutcome>(rows.Count);
        foreach (var (row, (draft, problems)) in checkedRows)
        {
            var place = matches[draft];
            if (place.Error is not null && !problems.Any(p => p.Field == place.Field)) problems.Add(new(place.Field!, place.Error));
            if (problems.Count > 0) { outcomes.Add(new(row.Number, RowResult.Rejected, problems)); continue; }
            var key = draft.CreditCode ?? $"{place.GridCode}:{draft.Name}";
            Unit? existing = draft.CreditCode is { } code ? known.GetValueOrDefault(code) : byName.GetValueOrDefault((draft.Name, place.GridCode));
            if (existing is not null || inserts.TryGetValue(key, out existing))
            {
                if (!context.Scope.Contains(existing.GridCode))
                {
                    outcomes.Add(RowOutcome.Reject(row.Number, UnitCheck.CreditCode, "该统一社会信用代码已在您的数据范围以外登记，请联系该单位所在社区"));
                    continue;
                }
                var changed = UnitFields.Apply(existing, draft, place, personal);
                if (changed && !inserts.ContainsKey(key))
                {
                    existing.UpdatedAt = now;
                    existing.ImportBatchId = context.Batch.Id;
                    existing.Version++;
                }
                outcomes.Add(new(row.Number, changed ? RowResult.Updated : RowResult.Unchanged, [], existing.GridCode));
                continue;
            }
            var unit = new Unit
            {
                Source = RecordSource.Imported, SourceSystem = context.Batch.SourceSystem, ImportBatchId = context.Batch.Id,
                State = VerificationState.Pending, CreatedAt = now, UpdatedAt = now, Version = 1,
            };
            UnitFields.Apply(unit, draft, place, personal);
            inserts[key] = unit;
            outcomes.Add(new(row.Number, RowResult.Inserted, [], unit.GridCode));
        }
        if (inserts.Count > 0)
        {
            await using var writer = new BulkWriter<Unit>(db);
            await writer.InsertManyAsync([.. inserts.Values], ct);
        }
        return outcomes;
    }
}
