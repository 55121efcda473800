
namespace GridGov.Infrastructure.Security;

// Rows that belong to a place carry the 15-digit code of their grid (DESIGN.md §4).
public interface IGridScoped
{
    long GridCode { get; }
}

public enum DataScopeKind { All, UnitAndBelow, UnitOnly, Custom, Self }

// What part of the city the caller may see, reduced to values the one query filter understands.
// Nobody (not signed in) sees nothing: the default is closed.
public sealed record DataScope(DataScopeKind Kind, long UnitCode, long UserId, IReadOnlyList<long> CustomUnits)
{
    public static readonly DataScope Nobody = new(DataScopeKind.UnitOnly, 0, 0, []);
    public static readonly DataScope Everything = new(DataScopeKind.All, 0, 0, []) { SeesRestricted = true };

    // Set for department staff: of tickets they see only those dispatched to their department.
    public long? DepartmentId { get; init; }

    // Records an area marks restricted (the registry's 特殊人群) are seen only with the permission for
    // them, inside the area as always.
    public bool SeesRestricted { get; init; }

    public bool IsAll => Kind == DataScopeKind.All;
    public bool IsSelf => Kind == DataScopeKind.Self;
    public bool IsCustom => Kind == DataScopeKind.Custom;

    // The single range of the unit (and below, for UnitAndBelow); empty for nobody and for a custom
    // set, which is exactly the chosen units.
    public (long From, long To) Range => UnitCode <= 0 || Kind == DataScopeKind.Custom
        ? (1, 0)
        : Kind == DataScopeKind.UnitAndBelow ? OrgCode.Subtree(UnitCode) : (OrgCode.Pad(UnitCode), OrgCode.Pad(UnitCode));

    // The one code range every visible row lies in: null for all data; for a custom set the range
    // spanning its units (each row is then matched against the units themselves); empty for nobody.
    public (long From, long To)? Bounds => Kind switch
    {
        DataScopeKind.All => null,
        DataScopeKind.Custom when CustomUnits.Count > 0 =>
            (CustomUnits.Min(u => OrgCode.Subtree(u).From), CustomUnits.Max(u => OrgCode.Subtree(u).To)),
        DataScopeKind.Custom => (1, 0),
        _ => Range,
    };

    // Custom sets hold units of any level; each level is matched by its prefix of the grid code.
    public List<long> CustomAt(OrgLevel level) =>
        IsCustom ? CustomUnits.Where(c => OrgCode.LevelOf(c) == level).ToList() : [];

    public bool Contains(long gridCode)
    {
        if (IsAll) return true;
        var (from, to) = Range;
        if (gridCode >= from && gridCode <= to) return true;
        return IsCustom && CustomUnits.Any(u => { var r = OrgCode.Subtree(u); return gridCode >= r.From && gridCode <= r.To; });
    }

    // Does the caller see every row of the unit's subtree, whoever dealt with it? Figures of a whole
    // unit (the rollups, keyword sums) carry no scope of their own, so only such a caller may read
    // them: not "unit only" or "self", nor department staff, who see their department's tickets only.
    public bool SeesAllOf(long unit)
    {
        if (DepartmentId is not null) return false;
        if (IsAll) return true;
        var (from, to) = OrgCode.Subtree(unit);
        bool Within(long top) => top > 0 && OrgCode.Subtree(top) is var r && r.From <= from && to <= r.To;
        return Kind switch
        {
            DataScopeKind.UnitAndBelow => Within(UnitCode),
            DataScopeKind.Custom => CustomUnits.Any(Within),
            _ => false,
        };
    }

    // May an account with this scope give another account the scope (kind, unit, custom units)?
    // Never wider than its own: a subtree only inside its own view, "unit only" and "self" only at
    // its own unit, "all" only from "all".
    public bool Covers(DataScopeKind kind, long unit, IReadOnlyList<long> custom)
    {
        if (IsAll) return true;
        if (kind == DataScopeKind.All) return false;
        return Kind switch
        {
            DataScopeKind.UnitAndBelow or DataScopeKind.Custom =>
                (kind == DataScopeKind.Custom ? custom : [unit]).All(u => u > 0 && Contains(OrgCode.Pad(u))),
            DataScopeKind.UnitOnly => kind is DataScopeKind.UnitOnly or DataScopeKind.Self && unit == UnitCode,
            _ => kind == DataScopeKind.Self && unit == UnitCode,
        };
    }

    // Custom scope units as stored on an account and carried in its claims: "320102,320104001".
    public static List<long> ParseUnits(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();

    public static string KindName(DataScopeKind kind) => kind switch
    {
        DataScopeKind.All => "全部数据",
        DataScopeKind.UnitAndBelow => "本单位及以下",
        DataScopeKind.UnitOnly => "仅本单位",
        DataScopeKind.Custom => "自定义单位",
        _ => "仅本人",
    };
}
