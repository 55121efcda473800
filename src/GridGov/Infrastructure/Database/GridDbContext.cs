using System.Linq.Expressions;
using GridGov.Features.Audit;
using GridGov.Features.Identity;
using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Dispatching;
using GridGov.Infrastructure.Time;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Infrastructure.Database;

// One model for SQLite and PostgreSQL; each provider has a subclass only so that its migrations live
// apart (see ProviderContexts.cs). Created by GridDbFactory, never with `new` in feature code.
public abstract partial class GridDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, AppRole, long>(options)
{
    public const string DataScopeFilter = "DataScope";

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();
    public DbSet<TicketAssignment> TicketAssignments => Set<TicketAssignment>();
    public DbSet<TicketCategory> TicketCategories => Set<TicketCategory>();
    public DbSet<DispatchRule> DispatchRules => Set<DispatchRule>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    // Who is asking: decides the rows every query sees (the one data-scope filter below) and who the
    // audit trail names. Closed by default: a context nobody set up sees nothing.
    internal DataScope Scope { get; set; } = DataScope.Nobody;
    // Asked at save time, not when the context is made: Identity's stores are built during
    // authentication, before the request knows its user.
    internal Func<AuditActor> ActorSource { get; set; } = () => AuditActor.System;
    internal AuditActor Actor => ActorSource();

    // Flat values for the query filter; EF Core evaluates them per query. The area is always one
    // `GridCode BETWEEN` range (all data: every code), never inside an OR, so an index can serve it.
    // Each is a plain property, negations included: anything more (`!x`, `x == null`) EF Core would
    // compile into a delegate again on every query.
    long ScopeFrom => Scope.Bounds?.From ?? 0;
    long ScopeTo => Scope.Bounds?.To ?? long.MaxValue;
    bool ScopeNotCustom => !Scope.IsCustom;
    bool ScopeSelf => Scope.IsSelf;
    bool ScopeNotSelf => !Scope.IsSelf;
    bool ScopeHasUser => Scope.UserId != 0;
    bool ScopeAnyDepartment => Scope.DepartmentId is null;
    long ScopeUserId => Scope.UserId;
    long? ScopeDepartment => Scope.DepartmentId;
    List<long> ScopeCities => Scope.CustomAt(OrgLevel.City);
    List<long> ScopeDistricts => Scope.CustomAt(OrgLevel.District);
    List<long> ScopeStreets => Scope.CustomAt(OrgLevel.Street);
    List<long> ScopeCommunities => Scope.CustomAt(OrgLevel.Community);
    List<long> ScopeGrids => Scope.CustomAt(OrgLevel.Grid);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // DESIGN.md §3.5: enums are stored as strings.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        // Times are stored as UTC; SQLite forgets the kind, so it is put back on reading.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GridDbContext).Assembly);

        builder.Entity<OrgUnit>().HasQueryFilter(DataScopeFilter, InScope<OrgUnit>(null));
        builder.Entity<AppUser>().HasQueryFilter(DataScopeFilter, InScope<AppUser>(u => u.Id));
        builder.Entity<AuditRecord>().HasQueryFilter(DataScopeFilter, InScope<AuditRecord>(a => a.ActorId));
        builder.Entity<Department>().HasQueryFilter(DataScopeFilter, InScope<Department>(null));
        builder.Entity<DispatchRule>().HasQueryFilter(DataScopeFilter, InScope<DispatchRule>(null));
        // Tickets: the area; department staff further see only tickets dispatched to their
        // department (DESIGN.md §4). Whoever reported a ticket follows it wherever it lies (a grid
        // worker reporting next door).
        Expression<Func<Ticket, bool>> reported = t => ScopeHasUser && t.ReporterId == ScopeUserId;
        builder.Entity<Ticket>().HasQueryFilter(DataScopeFilter, Or(TicketArea(), reported));
        // History rows are seen exactly when their ticket is.
        builder.Entity<TicketEvent>().HasQueryFilter(DataScopeFilter, e => Tickets.Any(t => t.Id == e.TicketId));
        builder.Entity<Notification>().HasQueryFilter(DataScopeFilter, n => n.UserId == ScopeUserId);
    }

    // The command centre's queues are areas: the tickets of the caller's area (for department staff,
    // dispatched to their department), without those they reported elsewhere ("我上报的" has them).
    // The same expression as in the filter, so the scope is still decided here only; without the OR
    // of the reporter the area stays an index range. Only ever narrower than Tickets.
    // For all data not even the range of every code: that would tempt SQLite to read the whole range.
    internal IQueryable<Ticket> TicketsOfArea => AreaQuery(indexedRange: true);

    // The same rows, the range written `GridCode + 0` so that no index serves it: SQLite plans
    // without the parameters' values and would read a big area's whole range and sort it, where
    // walking the (State, Id) index newest first finds a page at once (TicketQueues decides).
    internal IQueryable<Ticket> TicketsOfAreaUnranged => AreaQuery(indexedRange: false);

    IQueryable<Ticket> AreaQuery(bool indexedRange) =>
        Tickets.IgnoreQueryFilters([DataScopeFilter]).Where(TicketArea(Scope.IsAll, indexedRange));

    Expression<Func<Ticket, bool>> TicketArea(bool everywhere = false, bool indexedRange = true)
    {
        Expression<Func<Ticket, bool>> ofDepartment = t => ScopeAnyDepartment || t.Assignments.Any(a => a.DepartmentId == ScopeDepartment);
        if (everywhere) return ofDepartment;
        Expression<Func<Ticket, bool>> unranged = t => t.GridCode + 0 >= ScopeFrom && t.GridCode + 0 <= ScopeTo;
        var area = And(InScope<Ticket>(null, indexedRange), ofDepartment);
        return indexedRange ? area : And(area, unranged);
    }

    // The data scope of DESIGN.md §4 as one expression: a range of the 15-digit code (every code for
    // all data), within it for a custom set the chosen units matched by code prefix; for "self only",
    // the records the caller owns, or their own unit for records without an owner.
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
        var area = ranged ? And(range, units) : units;
        if (owner is null) return area;
        Expression<Func<long?, bool>> mine = id => ScopeSelf && id == ScopeUserId;
        Expression<Func<T, bool>> notSelf = e => ScopeNotSelf;
        var p = area.Parameters[0];
        var ownerOfE = new ReplaceParameter(owner.Parameters[0], p).Visit(owner.Body);
        var mineOfE = new ReplaceParameter(mine.Parameters[0], ownerOfE).Visit(mine.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(And(area, notSelf).Body, mineOfE), p);
    }

    static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) =>
        Expression.Lambda<Func<T, bool>>(
            Expression.AndAlso(a.Body, new ReplaceParameter(b.Parameters[0], a.Parameters[0]).Visit(b.Body)),
            a.Parameters[0]);

    static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) =>
        Expression.Lambda<Func<T, bool>>(
            Expression.OrElse(a.Body, new ReplaceParameter(b.Parameters[0], a.Parameters[0]).Visit(b.Body)),
            a.Parameters[0]);

    sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
