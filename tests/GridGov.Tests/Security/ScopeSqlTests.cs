using GridGov.Features.Audit;
using GridGov.Features.Tickets;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Tests.Security;

// The data scope must reach the database as a plain range of the grid code, or no index can serve it
// and every list reads the whole city (DESIGN.md §4, §6). These pin the SQL the one filter becomes.
[Collection(NanjingCollection.Name)]
public sealed class ScopeSqlTests(GridGovApp app)
{
    string Sql(DataScope scope, bool withOwnReports = false)
    {
        using var db = app.Services.GetRequiredService<GridDatabase>().Create(scope, AuditActor.System);
        var sql = (withOwnReports ? db.Tickets : db.TicketsOfArea).Where(t => t.State == TicketState.Reported).OrderByDescending(t => t.Id).Take(20).ToQueryString();
        return sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
    }

    [Fact]
    public void A_district_is_one_code_range_and_nothing_else()
    {
        var sql = Sql(new DataScope(DataScopeKind.UnitAndBelow, 320102, 7, []));
        Assert.Contains("\"GridCode\" >=", sql);
        Assert.Contains("\"GridCode\" <=", sql);
        Assert.DoesNotContain(" OR ", sql);
    }

    [Fact]
    public void The_walking_form_hides_the_range_from_the_index_and_keeps_it()
    {
        using var db = app.Services.GetRequiredService<GridDatabase>().Create(new DataScope(DataScopeKind.UnitAndBelow, 320102, 7, []), AuditActor.System);
        var sql = db.TicketsOfAreaUnranged.Where(t => t.State == TicketState.Closed).OrderByDescending(t => t.Id).Take(20).ToQueryString();
        Assert.Contains("\"GridCode\" + 0 >=", sql);
        Assert.Contains("\"GridCode\" + 0 <=", sql);
        Assert.DoesNotContain("\"GridCode\" >=", sql);
    }

    [Fact]
    public void All_data_has_no_scope_condition_in_the_queues()
    {
        var sql = Sql(DataScope.Everything);
        Assert.DoesNotContain("GridCode", sql[sql.IndexOf("WHERE", StringComparison.Ordinal)..]);
        Assert.DoesNotContain(" OR ", sql);
    }

    [Fact]
    public void Department_staff_add_their_department_and_reporters_their_own_reports()
    {
        var department = Sql(new DataScope(DataScopeKind.UnitAndBelow, 320102, 7, []) { DepartmentId = 3 });
        Assert.Contains("EXISTS", department);
        Assert.Contains("\"GridCode\" >=", department);
        var reporter = Sql(new DataScope(DataScopeKind.UnitAndBelow, 320102, 7, []), withOwnReports: true);
        Assert.Contains("\"ReporterId\" =", reporter);
    }

    [Fact]
    public void A_custom_set_is_its_spanning_range_and_then_its_units()
    {
        var sql = Sql(new DataScope(DataScopeKind.Custom, 0, 7, [320102002, 320104]));
        Assert.Contains("\"GridCode\" >=", sql);
        Assert.Contains("\"GridCode\" / 1000000 =", sql);
    }
}
