using System.Linq.Expressions;
using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Dispatching;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Tickets;

// Who sees which ticket (DESIGN.md §4) beyond the area every place-bound row gets by convention:
// department staff only tickets currently with their department (an active assignment, lead or
// co-handling: from dispatch until returned or re-dispatched elsewhere; a closed ticket stays with
// the department that handled it); whoever reported a ticket follows it wherever it lies, to read
// and evaluate it, not to act on it (ADR 0008). History rows are seen exactly when their ticket is;
// notices only by the person they are for.
static class TicketScope
{
    public static readonly Expression<Func<Ticket, GridDbContext, bool>> OfDepartment =
        (t, db) => db.ScopeAnyDepartment || t.Assignments.Any(a => a.DepartmentId == db.ScopeDepartment && a.Active);

    public static readonly Expression<Func<Ticket, GridDbContext, bool>> ReportedByMe =
        (t, db) => db.ScopeHasUser && t.ReporterId == db.ScopeUserId;

    // The same rules in memory, for a ticket already at hand (the hub's events, the actions a page
    // offers). VisibilityTests hold them equal to the query filter and TicketsOfArea.
    public static bool InArea(DataScope s, long gridCode, IEnumerable<long> activeDepartments) =>
        s.Contains(gridCode) && (s.DepartmentId is not { } d || activeDepartments.Contains(d));

    public static bool Sees(DataScope s, long gridCode, long? reporterId, IEnumerable<long> activeDepartments) =>
        InArea(s, gridCode, activeDepartments) || (s.UserId != 0 && reporterId == s.UserId);

    public static IEnumerable<long> ActiveDepartments(Ticket t) => t.Assignments.Where(a => a.Active).Select(a => a.DepartmentId);
}

sealed class TicketScopeConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b) => b.HasDataScope(s => s.And(TicketScope.OfDepartment).Or(TicketScope.ReportedByMe));
}

sealed class TicketEventScopeConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> b) => b.HasDataScope((e, db) => db.Set<Ticket>().Any(t => t.Id == e.TicketId));
}

sealed class NotificationScopeConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b) => b.HasDataScope((n, db) => n.UserId == db.ScopeUserId);
}

public static class TicketSets
{
    extension(GridDbContext db)
    {
        public DbSet<Ticket> Tickets => db.Set<Ticket>();
        public DbSet<TicketEvent> TicketEvents => db.Set<TicketEvent>();
        public DbSet<TicketAssignment> TicketAssignments => db.Set<TicketAssignment>();
        public DbSet<TicketCategory> TicketCategories => db.Set<TicketCategory>();
        public DbSet<DispatchRule> DispatchRules => db.Set<DispatchRule>();
        public DbSet<Notification> Notifications => db.Set<Notification>();

        // The command centre's queues are areas: the tickets of the caller's area (for department
        // staff, dispatched to their department), without those they reported elsewhere ("我上报的"
        // has them). The same expressions as the filter, only narrower; without the OR of the
        // reporter the area stays an index range. For all data not even the range of every code:
        // that would tempt SQLite to read the whole range.
        internal IQueryable<Ticket> TicketsOfArea => TicketArea.Query(db, indexedRange: true);

        // The same rows, the range written `GridCode + 0` so that no index serves it: SQLite plans
        // without the parameters' values and would read a big area's whole range and sort it, where
        // walking the (State, Id) index newest first finds a page at once (TicketQueues decides).
        internal IQueryable<Ticket> TicketsOfAreaUnranged => TicketArea.Query(db, indexedRange: false);
    }
}

static class TicketArea
{
    public static IQueryable<Ticket> Query(GridDbContext db, bool indexedRange) =>
        db.Tickets.IgnoreQueryFilters([GridDbContext.DataScopeFilter]).Where(Of(db, indexedRange));

    static Expression<Func<Ticket, bool>> Of(GridDbContext db, bool indexedRange)
    {
        var ofDepartment = Predicates.Bind(TicketScope.OfDepartment, db);
        if (db.ScopeIsAll) return ofDepartment;
        var area = Predicates.And(db.AreaOf<Ticket>(indexedRange), ofDepartment);
        if (indexedRange) return area;
        Expression<Func<Ticket, bool>> unranged = t => t.GridCode + 0 >= db.ScopeFrom && t.GridCode + 0 <= db.ScopeTo;
        return Predicates.And(area, unranged);
    }
}
