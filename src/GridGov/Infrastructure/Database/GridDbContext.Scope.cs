using System.Linq.Expressions;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Infrastructure.Database;

// The data scope of DESIGN.md §4, applied in one place: every entity that belongs to a place
// (IGridScoped) gets the named filter `DataScope` from the model builder; an area adds extras
// (an owner column, a department condition, "or reported by me") in its own EF configuration with
// `HasDataScope` (ScopeRule). ADR 0002 lists the entities without a filter and why; ADR 0006 pins
// the SQL it becomes.
public abstract partial class GridDbContext
{
    public const string DataScopeFilter = "DataScope";

    // Flat values for the query filter; EF Core evaluates them per query. The area is always one
    // `GridCode BETWEEN` range (all data: every code), never inside an OR, so an index can serve it.
    // Each is a plain property, negations included: anything more (`!x`, `x == null`) EF Core would
    // compile into a delegate again on every query. Areas' rules read the public ones.
    internal long ScopeFrom => Scope.Bounds?.From ?? 0;
    internal long ScopeTo => Scope.Bounds?.To ?? long.MaxValue;
    bool ScopeNotCustom => !Scope.IsCustom;
    bool ScopeSelf => Scope.IsSelf;
    bool ScopeNotSelf => !Scope.IsSelf;
    public bool ScopeHasUser => Scope.UserId != 0;
    public bool ScopeAnyDepartment => Scope.DepartmentId is null;
    public long ScopeUserId => Scope.UserId;
    public long? ScopeDepartment => Scope.DepartmentId;
    public bool ScopeIsAll => Scope.IsAll;
    public bool ScopeSeesRestricted => Scope.SeesRestricted;
    List<long> ScopeCities => Scope.CustomAt(OrgLevel.City);
    List<long> ScopeDistricts => Scope.CustomAt(OrgLevel.District);
    List<long> ScopeStreets => Scope.CustomAt(OrgLevel.Street);
    List<long> ScopeCommunities => Scope.CustomAt(OrgLevel.Community);
    List<long> ScopeGrids => Scope.CustomAt(OrgLevel.Grid);

    void ApplyDataScope(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned()).ToList())
        {
            var rule = ScopeRules.Take(entity);
            var filter = typeof(IGridScoped).IsAssignableFrom(entity.ClrType)
                ? (LambdaExpression)typeof(GridDbContext).GetMethod(nameof(PlaceFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                    .MakeGenericMethod(entity.ClrType).Invoke(this, [rule])!
                : rule?.Only is { } only ? Predicates.Bind(only, this) : null;
            if (filter is not null) builder.Entity(entity.ClrType).HasQueryFilter(DataScopeFilter, filter);
        }
    }

    LambdaExpression PlaceFilter<T>(ScopeRule? rule) where T : IGridScoped
    {
        var area = InScope<T>(rule?.Owner as Expression<Func<T, long?>>);
        if (rule?.And is Expression<Func<T, GridDbContext, bool>> also) area = Predicates.And(area, Predicates.Bind(also, this));
        if (rule?.Or is Expression<Func<T, GridDbContext, bool>> orElse) area = Predicates.Or(area, Predicates.Bind(orElse, this));
        return area;
    }

    // The area part of the filter for an area's own query shapes (the ticket queues): the same
    // expression, so the scope is still decided here. `ranged: false` leaves out the indexable
    // range (the caller then writes it in a form no index serves, see ADR 0006).
    internal Expression<Func<T, bool>> AreaOf<T>(bool ranged = true) where T : IGridScoped => InScope<T>(null, ranged);

    // The data scope as one expression: a range of the 15-digit code (every code for all data),
    // within it for a custom set the chosen units matched by code prefix; for "self only", the
    // records the caller owns, or their own unit for records without an owner.
    Expression<Func<T, bool>> InScope<T>(Expression<Func<T, long?>>? owner, bool ranged = true) where T : IGridScoped
    {
        Expression<Func<T, bool>> range = e => e.GridCode >= ScopeFrom && e.GridCode <= ScopeTo;
        Expression<Func<T, bool>> units = e =>
            (ScopeNotCustom
                || ScopeCities.Contains(e.GridCode / 100_000_000_000L)
                || ScopeDistricts.Contains(e.GridCode / 1_000_000_000L)
                || ScopeStreets.Contains(e.GridCode / 1_000_000L)
                || ScopeCommunities.Contains(e.GridCode / 1_000L)
                || ScopeGrids.Contains(e.GridCode));
        var area = ranged ? Predicates.And(range, units) : units;
        if (owner is null) return area;
        Expression<Func<long?, bool>> mine = id => ScopeSelf && id == ScopeUserId;
        Expression<Func<T, bool>> notSelf = e => ScopeNotSelf;
        var p = area.Parameters[0];
        var ownerOfE = Predicates.Replace(owner.Parameters[0], p, owner.Body);
        var mineOfE = Predicates.Replace(mine.Parameters[0], ownerOfE, mine.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(Predicates.And(area, notSelf).Body, mineOfE), p);
    }
}
