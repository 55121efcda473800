using GridGov.Features.Organization;

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
    public static readonly DataScope Everything = new(DataScopeKind.All, 0, 0, []);

    public bool IsAll => Kind == DataScopeKind.All;
    public bool IsSelf => Kind == DataScopeKind.Self;
    public bool IsCustom => Kind == DataScopeKind.Custom;

    // The single range of the unit (and below, for UnitAndBelow); empty for nobody and for a custom
    // set, which is exactly the chosen units.
    public (long From, long To) Range => UnitCode <= 0 || Kind == DataScopeKind.Custom
        ? (1, 0)
        : Kind == DataScopeKind.UnitAndBelow ? OrgCode.Subtree(UnitCode) : (OrgCode.Pad(UnitCode), OrgCode.Pad(UnitCode));

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

    public static string KindName(DataScopeKind kind) => kind switch
    {
        DataScopeKind.All => "全部数据",
        DataScopeKind.UnitAndBelow => "本单位及以下",
        DataScopeKind.UnitOnly => "仅本单位",
        DataScopeKind.Custom => "自定义单位",
        _ => "仅本人",
    };
}
