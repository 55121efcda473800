using System.Globalization;
using GridGov.Features.Organization;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Codes;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Places;
using GridGov.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Houses;

// 实有房屋 through the import pipeline: one row per house at a standard address of the uploader's area,
// with its use, the rental fields of GB/T 31000 T16 (codes from names), its area and owner. A house is
// keyed by its address, so the same file twice changes nothing; 群租 follows from tenants and area.
sealed class HouseImport(CodeBook codes, PersonalData personal, Places places, TimeProvider clock) : IImportTarget
{
    public const string Address = "房屋地址", Community = "所属社区", Use = "房屋用途", BuildingUse = "建筑用途", Area = "建筑面积",
        OwnerId = "房主证件号码", OwnerName = "房主姓名", RentalPurpose = "出租用途", Hazard = "隐患类型", Tenants = "承租人数";

    public string Key => "houses";
    public string Name => "实有房屋";
    public string EntityType => nameof(House);

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(Address, true, "本辖区的标准地址（户室一级）", "兰园小区3栋2单元501室", "地址", "标准地址", "房屋编号"),
        new(Community, false, "地址所在社区的名称（地址同名时注明）", "梅园新村社区", "社区"),
        new(Use, true, "自住、出租、群租、空置、经营或其他", "出租", "用途"),
        new(BuildingUse, false, "住宅、商业、办公…（GB/T 31000 表 5.17）", "住宅"),
        new(Area, false, "平方米，如 68.5", "68.5", "建筑面积(平方米)", "面积"),
        new(OwnerId, false, "房主的公民身份号码（须已在实有人口中）", "320102198001011234", "房主身份证号"),
        new(OwnerName, false, "最多 50 个字", "张三", "房主"),
        new(RentalPurpose, false, "出租房填写：宿舍、住房、商铺…（表 5.18）", "住房"),
        new(Hazard, false, "无、火灾隐患、治安隐患…（表 5.19）", "无"),
        new(Tenants, false, "出租房的承租人数", "2", "租住人数"),
    ];

    static readonly Dictionary<string, HouseUse> Uses = new()
    {
        ["自住"] = HouseUse.OwnerOccupied, ["出租"] = HouseUse.Rented, ["群租"] = HouseUse.GroupRented, ["空置"] = HouseUse.Vacant,
        ["经营"] = HouseUse.Business, ["其他"] = HouseUse.Other,
    };

    sealed record Draft(int Index, string Address, string? Community, HouseUse Use, string? BuildingUse, double? Area, string? OwnerHash,
        string? OwnerName, string? RentalPurpose, string? Hazard, int? Tenants);

    public async Task<IReadOnlyList<RowOutcome>> WriteAsync(ImportContext context, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var db = context.Db;
        var outcomes = new RowOutcome?[rows.Count];
        var drafts = new List<Draft>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (draft, problems) = Check(i, rows[i], context.Today);
            if (problems.Count > 0) outcomes[i] = new(rows[i].Number, RowResult.Rejected, problems);
            else drafts.Add(draft!);
        }
        // Addresses of the caller's area by their full name (the scope filter applies), owners by hash.
        var texts = drafts.Select(d => AddressMatcher.Normalize(d.Address)).Distinct().ToList();
        var found = await db.Set<Address>().AsNoTracking().Where(a => EF.Parameter(texts).Contains(a.FullName) && a.State != VerificationState.Removed)
            .Select(a => new { a.Id, a.FullName, a.GridCode, a.CommunityCode, a.Kind }).ToListAsync(ct);
        var byText = found.ToLookup(a => a.FullName);
        var ownerHashes = drafts.Select(d => d.OwnerHash).OfType<string>().Distinct().ToList();
        var owners = await PeopleByHash.FindAsync(db, ownerHashes, cityWide: false, ct);
        var communities = new Dictionary<string, List<long>>();
        foreach (var name in drafts.Select(d => d.Community).OfType<string>().Distinct()) communities[name] = await places.CodesNamedAsync(name, ct);

        var addressIds = new Dictionary<Draft, long>();
        foreach (var d in drafts)
        {
            var candidates = byText[AddressMatcher.Normalize(d.Address)].Where(a => d.Community is null || communities[d.Community].Contains(a.CommunityCode)).ToList();
            var number = rows[d.Index].Number;
            if (candidates.Count != 1)
                outcomes[d.Index] = RowOutcome.Reject(number, candidates.Count == 0 ? Address : Community, candidates.Count == 0
                    ? $"“{d.Address}”不是您辖区内的标准地址（请先导入或登记该地址）"
                    : $"“{d.Address}”在您的辖区内有 {candidates.Count} 处，请在“所属社区”列注明社区名称");
            else if (candidates[0].Kind is not AddressKind.Room)
                outcomes[d.Index] = RowOutcome.Reject(number, Address, $"“{d.Address}”是{AddressCodes.KindName(candidates[0].Kind)}，房屋应登记在户室一级的地址上");
            else if (d.OwnerHash is not null && !owners.ContainsKey(d.OwnerHash))
                outcomes[d.Index] = RowOutcome.Reject(number, OwnerId, "房主不在您辖区的实有人口中，请先登记房主");
            else addressIds[d] = candidates[0].Id;
        }
        var ids = addressIds.Values.Distinct().ToList();
        var houses = await db.Set<House>().IgnoreQueryFilters().Where(h => ids.Contains(h.AddressId)).ToDictionaryAsync(h => h.AddressId, ct);
        var grids = found.ToDictionary(a => a.Id, a => a.GridCode);
        var now = clock.GetUtcNow().UtcDateTime;
        var inserts = new List<House>();
        foreach (var d in drafts.Where(d => outcomes[d.Index] is null))
        {
            var addressId = addressIds[d];
            var isNew = !houses.TryGetValue(addressId, out var house);
            house ??= houses[addressId] = new House
            {
                AddressId = addressId, GridCode = grids[addressId], Source = RecordSource.Imported, SourceSystem = context.Batch.SourceSystem,
                ImportBatchId = context.Batch.Id, State = VerificationState.Pending, CreatedAt = now, UpdatedAt = now,
            };
            var owner = d.OwnerHash is null ? null : owners[d.OwnerHash];
            var changed = Apply(house, d, owner?.Id, d.OwnerName ?? owner?.Name);
            if (isNew) { inserts.Add(house); outcomes[d.Index] = new(rows[d.Index].Number, RowResult.Inserted, [], house.GridCode); continue; }
            if (changed && !inserts.Contains(house))
            {
                house.UpdatedAt = now;
                house.ImportBatchId = context.Batch.Id;
                house.Version++;
            }
            outcomes[d.Index] = new(rows[d.Index].Number, changed ? RowResult.Updated : RowResult.Unchanged, [], house.GridCode);
        }
        if (inserts.Count > 0)
        {
            await using var writer = new BulkWriter<House>(db);
            await writer.InsertManyAsync(inserts, ct);
        }
        return [.. outcomes.Select(o => o!)];
    }

    static bool Apply(House h, Draft d, long? ownerId, string? ownerName)
    {
        var changed = false;
        void Set<T>(T current, T value, Action<T> set)
        {
            if (EqualityComparer<T>.Default.Equals(current, value)) return;
            set(value);
            changed = true;
        }
        var tenants = d.Tenants ?? h.Tenants;
        var (use, overcrowded) = House.Classify(d.Use, tenants, d.Area ?? h.AreaM2);
        Set(h.Use, use, v => h.Use = v);
        Set(h.BuildingUse, d.BuildingUse ?? h.BuildingUse, v => h.BuildingUse = v);
        Set(h.AreaM2, d.Area ?? h.AreaM2, v => h.AreaM2 = v);
        Set(h.OwnerId, ownerId ?? h.OwnerId, v => h.OwnerId = v);
        Set(h.OwnerName, ownerName ?? h.OwnerName, v => h.OwnerName = v);
        Set(h.RentalPurpose, d.RentalPurpose ?? h.RentalPurpose, v => h.RentalPurpose = v);
        Set(h.HazardType, d.Hazard ?? h.HazardType, v => h.HazardType = v);
        Set(h.Tenants, tenants, v => h.Tenants = v);
        Set(h.Overcrowded, overcrowded, v => h.Overcrowded = v);
        return changed;
    }

    (Draft? Draft, List<RowProblem> Problems) Check(int index, ImportRow row, DateOnly today)
    {
        var problems = new List<RowProblem>();
        var address = row[Address];
        if (address.Length == 0) problems.Add(new(Address, "必填"));
        var useText = row[Use];
        if (!Uses.TryGetValue(useText, out var use))
            problems.Add(new(Use, useText.Length == 0 ? "必填（自住、出租、群租、空置、经营或其他）" : $"“{useText}”应为自住、出租、群租、空置、经营或其他"));
        string? Coded(string field, string table)
        {
            var v = row[field];
            if (v.Length == 0) return null;
            var code = codes[table].Resolve(v);
            if (code is null) problems.Add(new(field, $"“{v}”不是{table}代码表中的值"));
            return code;
        }
        double? area = null;
        if (row[Area] is { Length: > 0 } areaText)
        {
            if (double.TryParse(areaText, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && a is > 0 and < 100_000) area = Math.Round(a, 2);
            else problems.Add(new(Area, $"应为大于 0 的平方米数，“{areaText}”不是"));
        }
        int? tenants = null;
        if (row[Tenants] is { Length: > 0 } tenantsText)
        {
            if (int.TryParse(tenantsText, CultureInfo.InvariantCulture, out var t) && t is >= 0 and <= 999) tenants = t;
            else problems.Add(new(Tenants, $"应为 0–999 的整数，“{tenantsText}”不是"));
        }
        string? ownerHash = null;
        if (row[OwnerId] is { Length: > 0 } idText)
        {
            var id = IdNumbers.Check(idText, today);
            if (!id.Valid) problems.Add(new(OwnerId, id.Error!));
            else ownerHash = PersonNumbers.IdHashOf(personal, "111", id.Number!);
        }
        var ownerName = row[OwnerName] is { Length: > 0 } n ? n : null;
        if (ownerName is { Length: > 50 }) problems.Add(new(OwnerName, "不能超过 50 个字"));
        var draft = new Draft(index, address, row[Community] is { Length: > 0 } c ? c : null, use, Coded(BuildingUse, "建筑用途"), area, ownerHash, ownerName,
            Coded(RentalPurpose, "出租用途"), Coded(Hazard, "隐患类型"), tenants);
        return problems.Count > 0 ? (null, problems) : (draft, problems);
    }
}
