using System.Globalization;
using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Places;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Addresses;

// 标准地址 through the import pipeline: one row per address, as the 公安 address base or a community's
// own sheet lists them (社区, 小区或街路巷, 楼栋, 单元, 户室). Every level the row names is found by its
// full name in the community or created under its parent, its serial taken from its number (3栋 → 003,
// 501室 → 0501) or the next free one; a new 小区/街路巷 needs its grid, lower levels inherit it. Rows
// are matched by full name, so the same file twice changes nothing and a later one updates the grid,
// the point or the floors it changed.
sealed class AddressImport(Places places, TimeProvider clock) : IImportTarget
{
    public const string Community = "所属社区", Top = "街路巷/小区", TopKind = "地址类型", Building = "楼栋", Unit = "单元", Room = "户室",
        Grid = "网格编码", Floors = "层数", Lon = "经度", Lat = "纬度";

    public string Key => "addresses";
    public string Name => "标准地址";
    public string EntityType => nameof(Address);

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(Community, true, "社区名称或 12 位社区编码", "梅园新村社区", "社区"),
        new(Top, true, "小区或街路巷的名称", "兰园小区", "小区", "街路巷", "小区名称"),
        new(TopKind, false, "小区 或 街路巷（不填则按名称：以路、街、巷、道结尾的为街路巷）", "小区"),
        new(Building, false, "楼栋，如 3栋 或 3", "3栋", "楼栋号"),
        new(Unit, false, "单元，如 2单元 或 2", "2单元", "单元号"),
        new(Room, false, "户室或门牌，如 501室、501 或 12号", "501室", "房号", "门牌号"),
        new(Grid, false, "15 位网格编码；新的小区或街路巷必填，下级不填则与上级相同", "320102002001001", "网格"),
        new(Floors, false, "楼栋的层数（1–200）", "6"),
        new(Lon, false, "经度（WGS-84，如 118.79）", "118.7969"),
        new(Lat, false, "纬度（WGS-84，如 32.06）", "32.0603"),
    ];

    // A community's addresses as this run knows them, by full name; filled on first use, kept across
    // chunks (a file lists one community's buildings over and over).
    sealed class Known
    {
        public readonly Dictionary<string, Address> ByName = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> MaxSerial = new(StringComparer.Ordinal);
        public readonly HashSet<string> Codes = new(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<RowOutcome>> WriteAsync(ImportContext context, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var db = context.Db;
        var now = clock.GetUtcNow().UtcDateTime;
        var outcomes = new RowOutcome?[rows.Count];
        var plans = new List<(int Index, long Community, List<(AddressKind Kind, string Name)> Path, long? Grid, int? Floors, double? Lon, double? Lat)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (plan, problems) = await CheckAsync(context, rows[i], ct);
            if (problems.Count > 0) outcomes[i] = new(rows[i].Number, RowResult.Rejected, problems);
            else plans.Add((i, plan!.Value.Community, plan.Value.Path, plan.Value.Grid, plan.Value.Floors, plan.Value.Lon, plan.Value.Lat));
        }
        var state = context.RunState;
        // Level by level, so that a new parent has its key before its children are written.
        var created = new HashSet<Address>(ReferenceEqualityComparer.Instance);
        var touched = new HashSet<Address>(ReferenceEqualityComparer.Instance);
        var leaves = new Dictionary<int, Address>();
        for (var depth = 0; depth < 4; depth++)
        {
            var fresh = new List<Address>();
            foreach (var p in plans.Where(p => outcomes[p.Index] is null && p.Path.Count > depth))
            {
                var known = await KnownAsync(db, state, p.Community, ct);
                var parent = depth == 0 ? null : leavesAt(p.Index, depth - 1);
                var (kind, name) = p.Path[depth];
                var full = (parent?.FullName ?? "") + name;
                var last = depth == p.Path.Count - 1;
                if (!known.ByName.TryGetValue(full, out var a))
                {
                    var grid = (last ? p.Grid : null) ?? parent?.GridCode ?? p.Grid;
                    if (grid is null)
                    {
                        outcomes[p.Index] = RowOutcome.Reject(rows[p.Index].Number, Grid, $"“{full}”是新地址，请填写网格编码");
                        continue;
                    }
                    var parentCode = parent?.Code ?? p.Community.ToString(CultureInfo.InvariantCulture);
                    if (!context.Scope.Contains(grid.Value))
                    {
                        outcomes[p.Index] = RowOutcome.Reject(rows[p.Index].Number, Grid, $"“{parent?.FullName}”所在的网格不在您的数据范围内");
                        continue;
                    }
                    var serial = AddressCodes.SerialOf(name, kind) is { } n && !known.Codes.Contains(AddressCodes.Child(parentCode, kind, n)) ? n
                        : known.MaxSerial.GetValueOrDefault(parentCode) + 1;
                    if (serial >= Math.Pow(10, AddressCodes.Width(kind)))
                    {
                        outcomes[p.Index] = RowOutcome.Reject(rows[p.Index].Number, FieldOf(kind), $"“{parent?.FullName ?? "社区"}”下的{AddressCodes.KindName(kind)}已满，无法再编号");
                        continue;
                    }
                    a = new Address
                    {
                        Kind = kind, Name = name, FullName = full, Code = AddressCodes.Child(parentCode, kind, serial), CommunityCode = p.Community,
                        GridCode = grid.Value, ParentId = parent?.Id, Source = RecordSource.Imported, SourceSystem = context.Batch.SourceSystem,
                        ImportBatchId = context.Batch.Id, State = VerificationState.Pending, CreatedAt = now, UpdatedAt = now,
                        Lon = parent?.Lon, Lat = parent?.Lat,
                    };
                    known.ByName[full] = a;
                    known.Codes.Add(a.Code);
                    known.MaxSerial[parentCode] = Math.Max(known.MaxSerial.GetValueOrDefault(parentCode), serial);
                    created.Add(a);
                    fresh.Add(a);
                }
                leaves[Slot(p.Index, depth)] = a;
                if (!last) continue;
                if (created.Contains(a)) { Apply(a, p.Grid, p.Floors, p.Lon, p.Lat); continue; }
                if (!context.Scope.Contains(a.GridCode))
                {
                    outcomes[p.Index] = RowOutcome.Reject(rows[p.Index].Number, FieldOf(kind), $"“{full}”属于您的数据范围以外的网格，不能修改");
                    continue;
                }
                // Tracked before it changes, so that the version check compares with what was read.
                if (db.Entry(a).State == EntityState.Detached) db.Attach(a);
                if (Apply(a, p.Grid, p.Floors, p.Lon, p.Lat))
                {
                    a.UpdatedAt = now;
                    a.ImportBatchId = context.Batch.Id;
                    a.Version++;
                    touched.Add(a);
                }
            }
            if (fresh.Count == 0) continue;
            await using (var writer = new BulkWriter<Address>(db)) await writer.InsertManyAsync(fresh, ct);
            var codes = fresh.Select(a => a.Code).ToList();
            var ids = await db.Set<Address>().IgnoreQueryFilters().Where(a => EF.Parameter(codes).Contains(a.Code)).Select(a => new { a.Code, a.Id }).ToDictionaryAsync(a => a.Code, a => a.Id, ct);
            foreach (var a in fresh) a.Id = ids[a.Code];
        }
        for (var k = 0; k < plans.Count; k++)
        {
            var p = plans[k];
            if (outcomes[p.Index] is not null) continue;
            var leaf = leavesAt(p.Index, p.Path.Count - 1)!;
            var result = created.Contains(leaf) ? RowResult.Inserted : touched.Contains(leaf) ? RowResult.Updated : RowResult.Unchanged;
            // A leaf created earlier in this chunk and named again is not new twice.
            if (result == RowResult.Inserted && plans.Take(k).Any(q => outcomes[q.Index] is { Result: RowResult.Inserted } && ReferenceEquals(leavesAt(q.Index, q.Path.Count - 1), leaf)))
                result = RowResult.Unchanged;
            outcomes[p.Index] = new(rows[p.Index].Number, result, [], leaf.GridCode);
        }
        return [.. outcomes.Select(o => o!)];

        Address? leavesAt(int index, int depth) => leaves.GetValueOrDefault(Slot(index, depth));
    }

    static int Slot(int index, int depth) => index * 4 + depth;

    static string FieldOf(AddressKind kind) => kind switch
    {
        AddressKind.Building => Building, AddressKind.Unit => Unit, AddressKind.Room => Room, _ => Top,
    };

    // What the row says about its own (last) level; answers whether anything changed.
    static bool Apply(Address a, long? grid, int? floors, double? lon, double? lat)
    {
        var changed = false;
        if (grid is { } g && a.GridCode != g) { a.GridCode = g; changed = true; }
        if (floors is { } f && a.Floors != f) { a.Floors = f; changed = true; }
        if (lon is { } x && lat is { } y && (a.Lon != x || a.Lat != y)) { (a.Lon, a.Lat) = (x, y); changed = true; }
        return changed;
    }

    static async Task<Known> KnownAsync(GridDbContext db, IDictionary<string, object> state, long community, CancellationToken ct)
    {
        var key = "addresses:" + community;
        if (state.TryGetValue(key, out var k)) return (Known)k;
        var known = new Known();
        // Unscoped: a name already taken in the community, even in a grid the uploader cannot see, is
        // the same address and must not get a second code.
        var all = await db.Set<Address>().IgnoreQueryFilters().AsNoTracking().Where(a => a.CommunityCode == community).ToListAsync(ct);
        foreach (var a in all)
        {
            known.ByName[a.FullName] = a;
            known.Codes.Add(a.Code);
            var parentCode = a.Code[..^AddressCodes.Width(a.Kind)];
            known.MaxSerial[parentCode] = Math.Max(known.MaxSerial.GetValueOrDefault(parentCode), int.Parse(a.Code[^AddressCodes.Width(a.Kind)..], CultureInfo.InvariantCulture));
        }
        state[key] = known;
        return known;
    }

    static string Suffixed(string value, string suffix) => value.Length > 0 && value.All(char.IsAsciiDigit) ? value + suffix : value;

    async Task<((long Community, List<(AddressKind, string)> Path, long? Grid, int? Floors, double? Lon, double? Lat)? Plan, List<RowProblem> Problems)> CheckAsync(
        ImportContext context, ImportRow row, CancellationToken ct)
    {
        var problems = new List<RowProblem>();
        long community = 0;
        var communityText = row[Community];
        if (communityText.Length == 0) problems.Add(new(Community, "必填"));
        else
        {
            var codes = communityText.Length == 12 && long.TryParse(communityText, CultureInfo.InvariantCulture, out var c) ? [c]
                : (await places.CodesNamedAsync(communityText, ct)).Where(x => OrgCode.LevelOf(x) == OrgLevel.Community).ToList();
            var mine = codes.Where(x => context.Scope.Contains(OrgCode.Pad(x))).ToList();
            if (mine.Count == 1 && await places.NameAsync(mine[0], ct) is not null) community = mine[0];
            else problems.Add(new(Community, mine.Count > 1 ? $"您的辖区内有 {mine.Count} 个“{communityText}”，请填写 12 位社区编码"
                : $"“{communityText}”不是您辖区内的社区"));
        }
        var top = row[Top];
        if (top.Length == 0) problems.Add(new(Top, "必填"));
        var kindText = row[TopKind];
        AddressKind topKind;
        if (kindText is "小区") topKind = AddressKind.Compound;
        else if (kindText is "街路巷" or "街巷" or "道路") topKind = AddressKind.Road;
        else if (kindText.Length == 0) topKind = top.Length > 0 && "路街巷道".Contains(top[^1]) ? AddressKind.Road : AddressKind.Compound;
        else { problems.Add(new(TopKind, $"“{kindText}”应为 小区 或 街路巷")); topKind = AddressKind.Compound; }
        var path = new List<(AddressKind, string)> { (topKind, top) };
        var building = Suffixed(row[Building], "栋");
        var unit = Suffixed(row[Unit], "单元");
        var room = Suffixed(row[Room], topKind == AddressKind.Road && building.Length == 0 ? "号" : "室");
        if (building.Length > 0) path.Add((AddressKind.Building, building));
        if (unit.Length > 0)
        {
            if (building.Length == 0) problems.Add(new(Unit, "填写了单元，请同时填写楼栋"));
            path.Add((AddressKind.Unit, unit));
        }
        if (room.Length > 0) path.Add((AddressKind.Room, room));
        foreach (var (kind, name) in path.Where(p => p.Item2.Length > 30)) problems.Add(new(FieldOf(kind), "不能超过 30 个字"));
        if (string.Concat(path.Select(p => p.Item2)).Length > 200) problems.Add(new(Room, "完整地址不能超过 200 个字"));

        long? grid = null;
        if (row[Grid] is { Length: > 0 } gridText)
        {
            if (!OrgCode.TryParse(gridText, OrgLevel.Grid, out var g)) problems.Add(new(Grid, $"应为 15 位网格编码，“{gridText}”不是"));
            else if (!context.Scope.Contains(g) || await places.NameAsync(g, ct) is null) problems.Add(new(Grid, $"网格 {gridText} 不存在或不在您的数据范围内"));
            else if (community != 0 && OrgCode.Community(g) != community) problems.Add(new(Grid, $"网格 {gridText} 不属于“{communityText}”"));
            else grid = g;
        }
        int? floors = null;
        if (row[Floors] is { Length: > 0 } floorsText)
        {
            if (int.TryParse(floorsText, CultureInfo.InvariantCulture, out var f) && f is >= 1 and <= 200) floors = f;
            else problems.Add(new(Floors, $"应为 1–200 的整数，“{floorsText}”不是"));
        }
        double? lon = Coordinate(row, Lon, 73, 136, problems), lat = Coordinate(row, Lat, 3, 54, problems);
        if (lon is null != lat is null) problems.Add(new(lon is null ? Lon : Lat, "经度和纬度须同时填写"));
        return problems.Count > 0 ? (null, problems) : ((community, path, grid, floors, lon, lat), problems);
    }

    static double? Coordinate(ImportRow row, string field, double min, double max, List<RowProblem> problems)
    {
        var text = row[field];
        if (text.Length == 0) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        problems.Add(new(field, $"应为 {min}–{max} 之间的数（中国境内），“{text}”不是"));
        return null;
    }
}
