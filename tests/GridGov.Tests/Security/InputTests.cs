using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GridGov.Features.Identity;
using GridGov.Features.Tickets;
using GridGov.Tests.Infrastructure;
using GridGov.Tests.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Security;

// Input an attacker (or a slip of the keyboard) sends: refused with a 400 naming the field in
// Chinese, or cleaned, never a 500, and nothing stored that should not be.
[Collection(NanjingCollection.Name)]
public sealed class InputTests(GridGovApp app)
{
    readonly TicketKit kit = new(app);

    static async Task<ValidationProblemDetails> ProblemAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<ValidationProblemDetails>(body, JsonSerializerOptions.Web)!;
    }

    static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("NaNd")]
    [InlineData("NaNh")]
    [InlineData("Infinityd")]
    [InlineData("∞d")]
    [InlineData("-1d")]
    [InlineData("0h")]
    [InlineData("1e5d")]
    [InlineData("251d")]
    [InlineData("1001h")]
    [InlineData("99999999999999999999d")]
    [InlineData("d")]
    public async Task A_category_limit_that_is_no_sane_number_is_refused_and_the_class_is_unchanged(string limit)
    {
        var admin = await kit.As("admin");
        await using var before = app.UnscopedDb();
        var was = await before.TicketCategories.AsNoTracking().SingleAsync(c => c.Code == "E0102");

        foreach (var field in new[] { "acceptLimit", "dispatchLimit", "handleLimit", "verifyLimit" })
        {
            var response = await admin.PutAsJsonAsync("/api/v1/tickets/categories/E0102", new Dictionary<string, object> { [field] = limit, ["name"] = "改名尝试" });
            var problem = await ProblemAsync(response);
            Assert.Contains("时限", Assert.Single(problem.Errors[field]));
        }
        await using var after = app.UnscopedDb();
        var now = await after.TicketCategories.AsNoTracking().SingleAsync(c => c.Code == "E0102");
        Assert.Equal((was.Name, was.AcceptLimit, was.DispatchLimit, was.HandleLimit, was.VerifyLimit),
            (now.Name, now.AcceptLimit, now.DispatchLimit, now.HandleLimit, now.VerifyLimit));
    }

    [Fact]
    public async Task A_bad_limit_already_stored_on_a_ticket_does_not_stop_it()
    {
        var t = await kit.ReportAsync();
        await using (var db = app.UnscopedDb())
            await db.Tickets.Where(x => x.Id == t.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.DispatchLimit, "NaNd").SetProperty(x => x.HandleLimit, "Infinityd").SetProperty(x => x.VerifyLimit, "x"));

        await kit.DoAsync("street", t.Id, TicketAction.Accept);
        var dispatched = await kit.DoAsync("street", t.Id, TicketAction.Dispatch, new { departmentId = await kit.HandlerDepartmentAsync() });
        Assert.Equal(TicketState.Dispatched, dispatched.State);
        var handled = await kit.DoAsync("handler", t.Id, TicketAction.ReportBack, new { note = "已补装井盖" });
        Assert.Equal(TicketState.Handled, handled.State);
        Assert.NotNull(handled.DueAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1999)]
    [InlineData(2101)]
    [InlineData(10000)]
    public async Task A_calendar_year_out_of_range_is_refused(int year)
    {
        var admin = await kit.As("admin");
        var read = await ProblemAsync(await admin.GetAsync($"/api/v1/tickets/calendar/{year}"));
        Assert.Equal(["年份须在 2000–2100 之间"], read.Errors["year"]);
        var write = await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/tickets/calendar/{year}", Array.Empty<object>()));
        Assert.Equal(["年份须在 2000–2100 之间"], write.Errors["year"]);
    }

    [Fact]
    public async Task A_calendar_body_with_nulls_bad_kinds_or_too_many_days_changes_nothing()
    {
        var admin = await kit.As("admin");
        await using var db = app.UnscopedDb();
        var before = await db.CalendarDays.CountAsync();

        var nulls = await ProblemAsync(await admin.PutAsync("/api/v1/tickets/calendar/2030", Raw("[null]")));
        Assert.Equal(["第 1 项为空"], nulls.Errors["days"]);
        var kind = await ProblemAsync(await admin.PutAsync("/api/v1/tickets/calendar/2030", Raw("""[{"date":"2030-01-01","kind":99,"name":"元旦"}]""")));
        Assert.Contains("不在可选范围内", Assert.Single(kind.Errors["[0].kind"]));
        var days = Enumerable.Range(0, 400).Select(i => new { date = new DateOnly(2030, 1, 1).AddDays(i % 365), kind = "Holiday", name = "假" });
        var many = await ProblemAsync(await admin.PutAsJsonAsync("/api/v1/tickets/calendar/2030", days));
        Assert.Equal(["节假日和调休最多 366 项，提交了 400 项"], many.Errors["days"]);

        Assert.Equal(before, await db.CalendarDays.CountAsync());
    }

    [Fact]
    public async Task Enum_values_that_name_nothing_are_refused_in_bodies_and_queries()
    {
        var grid = await kit.As("grid");
        var (lon, lat) = await kit.PointAsync();
        var count = await kit.TicketCountAsync();
        foreach (var source in new[] { "99", "\"99\"", "-1", "\"Nonsense\"" })
        {
            var body = $$"""{"categoryCode":"C0101","description":"井盖缺失","lon":{{lon}},"lat":{{lat}},"source":{{source}}}""";
            var problem = await ProblemAsync(await grid.PostAsync("/api/v1/tickets", Raw(body)));
            Assert.StartsWith("字段“source”的值不在可选范围内", Assert.Single(problem.Errors["source"]));
        }
        Assert.Equal(count, await kit.TicketCountAsync());

        var t = await kit.ReportAsync();
        var street = await kit.As("street");
        var version = (await kit.GetAsync("street", t.Id))!.Version;
        var level = await ProblemAsync(await street.PostAsync($"/api/v1/tickets/{t.Id}/actions/Supervise", Raw($$"""{"version":{{version}},"level":99}""")));
        Assert.StartsWith("字段“level”的值不在可选范围内", Assert.Single(level.Errors["level"]));
        await using (var db = app.UnscopedDb())
            Assert.Equal(Supervision.None, (await db.Tickets.SingleAsync(x => x.Id == t.Id)).Supervision);

        var query = await ProblemAsync(await street.GetAsync("/api/v1/tickets?source=99"));
        Assert.Equal(["来源不存在"], query.Errors["source"]);
        var queue = await ProblemAsync(await street.GetAsync("/api/v1/tickets?queue=77"));
        Assert.Equal(["队列不存在"], queue.Errors["queue"]);
    }

    [Fact]
    public async Task Huge_lists_are_refused_before_any_work_with_a_small_answer()
    {
        var admin = await kit.As("admin");
        var userName = "many" + Guid.NewGuid().ToString("N")[..6];
        var units = Enumerable.Range(0, 50_000).Select(i => 320102000000000L + i).ToArray();
        var users = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName, displayName = "多范围", orgUnitCode = 320102, dataScope = "Custom", customScopeUnits = units, roles = Array.Empty<string>(), password = "Many-units-12a",
        });
        var body = await users.Content.ReadAsStringAsync();
        Assert.True(body.Length < 2000, $"{body.Length} characters");
        var problem = await ProblemAsync(users);
        Assert.Equal(["自定义范围最多 100 个单位（提交了 50000 个）"], problem.Errors["customScopeUnits"]);

        // A hundred unknown units: one query, and the answer lists the first ten and how many.
        var hundred = await ProblemAsync(await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName, displayName = "多范围", orgUnitCode = 320102, dataScope = "Custom", customScopeUnits = units[..100].Select(u => u + 900_000_000), roles = Array.Empty<string>(), password = "Many-units-12a",
        }));
        Assert.Equal(11, hundred.Errors["customScopeUnits"].Length);
        Assert.Equal("……共 100 项有误，以上为前 10 项", hundred.Errors["customScopeUnits"][^1]);

        var roles = await ProblemAsync(await admin.PostAsJsonAsync("/api/v1/roles", new
        {
            name = "many_" + Guid.NewGuid().ToString("N")[..6], displayName = "很多权限", permissions = Enumerable.Range(0, 50_000).Select(i => $"p{i}"),
        }));
        Assert.StartsWith("权限最多", Assert.Single(roles.Errors["permissions"]));

        var t = await kit.InStateAsync(TicketState.Accepted);
        var dispatch = await kit.ActAsync("street", t.Id, TicketAction.Dispatch, new { departmentId = await kit.HandlerDepartmentAsync(), coDepartmentIds = Enumerable.Range(1, 100_000) });
        Assert.Equal(["协办部门最多 9 个"], (await ProblemAsync(dispatch)).Errors["coDepartmentIds"]);
        var photos = await kit.PostReportAsync("grid", new { categoryCode = "C0101", description = "井盖缺失", lon = 118.8, lat = 32.05, photos = Enumerable.Range(0, 50_000).Select(i => "a") });
        Assert.Equal(["照片最多 9 张（提交了 50000 张）"], (await ProblemAsync(photos)).Errors["photos"]);

        // Bigger than a JSON body may be (1 MB): refused while it is read.
        var huge = await admin.PutAsJsonAsync("/api/v1/tickets/calendar/2031",
            Enumerable.Range(0, 100_000).Select(i => new { date = "2031-01-01", kind = "Holiday", name = "假日假日假日" }));
        await ProblemAsync(huge, HttpStatusCode.RequestEntityTooLarge);

        await using var db = app.UnscopedDb();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == userName));
        Assert.False(await db.Roles.AnyAsync(r => r.DisplayName == "很多权限"));
        Assert.Equal(TicketState.Accepted, (await db.Tickets.SingleAsync(x => x.Id == t.Id)).State);
        Assert.False(await db.CalendarDays.AnyAsync(d => d.Date.Year == 2031));
    }

    [Theory]
    [InlineData("to=9999-12-31", "to")]
    [InlineData("to=9999-12-31&queue=Overdue", "to")]
    [InlineData("from=0001-01-01", "from")]
    public async Task A_date_outside_the_century_is_refused_in_the_ticket_list(string query, string field)
    {
        var street = await kit.As("street");
        var response = await street.GetAsync($"/api/v1/tickets?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("2000", Assert.Single(problem!.Errors[field]));
    }

    [Fact]
    public async Task A_null_in_a_list_of_names_is_refused_and_nothing_is_made()
    {
        var admin = await kit.As("admin");
        var userName = "nul" + Guid.NewGuid().ToString("N")[..6];
        var roleName = "nul_" + Guid.NewGuid().ToString("N")[..6];
        var user = await admin.PostAsync("/api/v1/users", new StringContent(
            $$"""{"userName":"{{userName}}","displayName":"空值","orgUnitCode":320102,"dataScope":"UnitAndBelow","roles":[null],"password":"Null-test-12a"}""",
            Encoding.UTF8, "application/json"));
        var role = await admin.PostAsync("/api/v1/roles", new StringContent(
            $$"""{"name":"{{roleName}}","displayName":"空值","permissions":["org.view",null]}""", Encoding.UTF8, "application/json"));
        var (lon, lat) = await kit.PointAsync();
        var ticket = await (await kit.As("grid")).PostAsync("/api/v1/tickets", new StringContent(
            $$"""{"categoryCode":"C0101","description":"井盖缺失空值","lon":{{lon}},"lat":{{lat}},"photos":[null]}""", Encoding.UTF8, "application/json"));

        foreach (var (response, field) in new[] { (user, "roles"), (role, "permissions"), (ticket, "photos") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("不能为空", await response.Content.ReadAsStringAsync());
            Assert.Contains(field, await response.Content.ReadAsStringAsync());
        }
        await using var db = app.UnscopedDb();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == userName));
        Assert.False(await db.Roles.AnyAsync(r => r.Name == roleName));
        Assert.False(await db.Tickets.AnyAsync(t => t.Description == "井盖缺失空值"));
    }

    [Theory]
    [InlineData("/api/v1/tickets")]
    [InlineData("/api/v1/users")]
    [InlineData("/api/v1/audit")]
    public async Task A_page_beyond_the_last_possible_one_is_refused_not_answered_with_page_one(string list)
    {
        var admin = await kit.As(list.EndsWith("audit") ? "auditor" : "admin");
        foreach (var page in new[] { int.MaxValue, 100_001 })
        {
            var problem = await ProblemAsync(await admin.GetAsync($"{list}?page={page}&pageSize=100"));
            Assert.Equal(["页码须在 1–100000 之间"], problem.Errors["page"]);
        }
        var far = await admin.GetFromJsonAsync<JsonElement>($"{list}?page=100000&pageSize=100");
        Assert.Equal(0, far.GetProperty("items").GetArrayLength());
        Assert.Equal(100000, far.GetProperty("page").GetInt32());
        var overflow = await admin.GetAsync($"{list}?page=99999999999");
        Assert.Equal(HttpStatusCode.BadRequest, overflow.StatusCode);
    }
}
