using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Deadlines;
using GridGov.Infrastructure.Time;
using GridGov.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static GridGov.Features.Tickets.TicketAction;

namespace GridGov.Tests.Tickets;

// Nanjing with a clock the test sets: the ticket clock reads the DI TimeProvider. AdjustTime (not
// SetUtcNow) so each test may put the clock where it needs it, backwards too.
public sealed class ClockedNanjingApp : GridGovApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.FromHours(8)));

    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        // The clock jumps days back and forth between calls: tokens must outlive the jumps.
        builder.UseSetting("GridGov:AccessTokenMinutes", (60 * 24 * 365).ToString());
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public void SetChinaTime(DateTime chinaLocal) => Clock.AdjustTime(new DateTimeOffset(chinaLocal, TimeSpan.FromHours(8)));
}

// Deadlines on the working calendar (DESIGN.md §5): 08:30–12:00 and 13:30–17:30 on working days,
// public holidays skipped, adjusted working days (调休) counted. Limits from data/tickets/categories.csv:
// C0101 上水井盖 accept 1h, dispatch 1h, handle 2h; E0101 私搭乱建 handle 3d; C0102 污水井盖 accept 1h, dispatch 1h.
public sealed class DeadlineTests(ClockedNanjingApp app) : IClassFixture<ClockedNanjingApp>
{
    static DateTime China(int y, int mo, int d, int h, int mi = 0) =>
        new DateTimeOffset(y, mo, d, h, mi, 0, TimeSpan.FromHours(8)).UtcDateTime;

    // Tokens are issued and checked on the fake clock: after moving it far, sign in again.
    TicketKit At(DateTime chinaLocal)
    {
        app.SetChinaTime(chinaLocal);
        return new TicketKit(app);
    }

    static async Task<T> Read<T>(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return (await r.Content.ReadFromJsonAsync<T>(TicketKit.Json))!;
    }

    [Theory]
    [InlineData("2026-11-27 17:00", "2026-11-30 09:00")] // Friday evening → Monday morning
    [InlineData("2026-09-30 17:00", "2026-10-08 09:00")] // the eve of National Day → after the week off
    [InlineData("2026-10-09 17:00", "2026-10-10 09:00")] // Friday → the Saturday worked in exchange (调休)
    [InlineData("2026-11-30 11:30", "2026-11-30 14:00")] // the lunch break does not count
    public async Task The_accept_deadline_counts_working_hours_only(string reported, string due)
    {
        var kit = At(DateTime.Parse(reported));
        var t = await kit.ReportAsync(description: "中山路上水井盖缺失需要更换", category: "C0101");
        var d = DateTime.Parse(due);
        Assert.Equal(China(d.Year, d.Month, d.Day, d.Hour, d.Minute), t.DueAt!.Value.ToUniversalTime());
        Assert.Equal(DateTime.Parse(reported), t.ReportedAt.ToUniversalTime().AddHours(8));
        Assert.False(t.Overdue);
    }

    [Fact]
    public async Task Each_stage_gets_its_own_limit_and_dispatch_sets_the_handling_deadline()
    {
        var kit = At(new DateTime(2026, 11, 30, 10, 0, 0)); // Monday
        var manhole = await kit.ReportAsync(description: "太平北路上水井盖破损", category: "C0101");
        Assert.Equal(China(2026, 11, 30, 11), manhole.DueAt);
        var accepted = await kit.DoAsync("street", manhole.Id, Accept);
        Assert.Equal(China(2026, 11, 30, 11), accepted.DueAt); // dispatch limit 1h
        Assert.Null(accepted.HandleDueAt);
        var dispatched = await kit.DoAsync("street", manhole.Id, Dispatch, new { departmentId = await kit.HandlerDepartmentAsync() });
        Assert.Equal(China(2026, 11, 30, 12), dispatched.HandleDueAt); // handle limit 2h
        Assert.Equal(dispatched.HandleDueAt, dispatched.DueAt);

        // 3 working days of 7.5 hours from Monday 10:00: Thursday 10:00.
        var shed = await kit.ReportAsync(description: "小区绿地内私搭乱建棚屋", category: "E0101");
        await kit.DoAsync("street", shed.Id, Accept);
        var handling = await kit.DoAsync("street", shed.Id, Dispatch, new { departmentId = await kit.HandlerDepartmentAsync() });
        Assert.Equal(China(2026, 12, 3, 10), handling.HandleDueAt);
        Assert.Equal(China(2026, 12, 3, 10), handling.DueAt);

        // Reported back at 10:30: the verify limit of C0101 (1h) runs from then.
        app.SetChinaTime(new DateTime(2026, 11, 30, 10, 30, 0));
        var handled = await kit.DoAsync("handler", manhole.Id, ReportBack, new { note = "已更换井盖" });
        Assert.Equal(China(2026, 11, 30, 11, 30), handled.DueAt);
        Assert.Equal(China(2026, 11, 30, 12), handled.HandleDueAt);
    }

    [Fact]
    public async Task A_ticket_enters_the_overdue_queue_when_the_clock_passes_its_deadline()
    {
        var kit = At(new DateTime(2026, 11, 30, 10, 0, 0));
        // In a grid no other test of this class uses, so its counts are this test's alone.
        const long grid = 320102002002001;
        var marker = "超期" + Guid.NewGuid().ToString("N")[..8];
        var t = await kit.ReportAsync(user: "street", description: $"北京东路上水井盖缺失{marker}", category: "C0101", at: await kit.PointOfAsync(grid));
        Assert.Equal(grid, t.GridCode);
        Assert.Equal(China(2026, 11, 30, 11), t.DueAt);
        var street = await kit.As("street");

        async Task<(bool Listed, bool Overdue, int Count)> Look()
        {
            var page = await street.GetFromJsonAsync<TicketList>($"/api/v1/tickets?queue=Overdue&keyword={marker}", TicketKit.Json);
            var detail = await kit.GetAsync("street", t.Id);
            var counts = await street.GetFromJsonAsync<List<QueueCount>>($"/api/v1/tickets/counts?area={grid}", TicketKit.Json);
            return (page!.Items.Any(x => x.Id == t.Id), detail!.Overdue, counts!.Single(c => c.Queue == TicketQueue.Overdue).Count);
        }

        app.SetChinaTime(new DateTime(2026, 11, 30, 10, 59, 0));
        var before = await Look();
        Assert.Equal((false, false, 0), before);

        app.SetChinaTime(new DateTime(2026, 11, 30, 11, 1, 0));
        var after = await Look();
        Assert.Equal((true, true, 1), after);
        var row = (await street.GetFromJsonAsync<TicketList>($"/api/v1/tickets?queue=Reported&keyword={marker}", TicketKit.Json))!.Items.Single();
        Assert.True(row.Overdue);

        // Accepted in time for the next stage: a new clock runs and it leaves the overdue queue.
        await kit.DoAsync("street", t.Id, Accept);
        Assert.Equal((false, false, 0), await Look());
    }

    [Fact]
    public async Task Changed_category_limits_apply_to_new_tickets_only()
    {
        var kit = At(new DateTime(2026, 11, 30, 10, 0, 0));
        var admin = await kit.As("admin");
        var old = await kit.ReportAsync(description: "珠江路污水井盖松动", category: "C0102");
        Assert.Equal(China(2026, 11, 30, 11), old.DueAt);
        try
        {
            var saved = await Read<JsonCategory>(await admin.PutAsJsonAsync("/api/v1/tickets/categories/C0102", new { acceptLimit = "3h", dispatchLimit = "3h" }));
            Assert.Equal(("3h", "3h", "2h"), (saved.AcceptLimit, saved.DispatchLimit, saved.HandleLimit));

            // 10:00 + 3 working hours: two before lunch, one after it.
            var fresh = await kit.ReportAsync(description: "珠江路污水井盖破损", category: "C0102");
            Assert.Equal(China(2026, 11, 30, 14, 30), fresh.DueAt);
            Assert.Equal(China(2026, 11, 30, 11), (await kit.GetAsync("street", old.Id))!.DueAt);
            // The old ticket keeps its old dispatch limit too.
            Assert.Equal(China(2026, 11, 30, 11), (await kit.DoAsync("street", old.Id, Accept)).DueAt);
            Assert.Equal(China(2026, 11, 30, 14, 30), (await kit.DoAsync("street", fresh.Id, Accept)).DueAt);

            var bad = await admin.PutAsJsonAsync("/api/v1/tickets/categories/C0102", new { handleLimit = "4x" });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var problem = await bad.Content.ReadFromJsonAsync<ValidationProblemDetails>();
            Assert.Contains("格式不对", Assert.Single(problem!.Errors["handleLimit"]));
        }
        finally
        {
            await Read<JsonCategory>(await admin.PutAsJsonAsync("/api/v1/tickets/categories/C0102", new { acceptLimit = "1h", dispatchLimit = "1h" }));
        }
    }

    [Fact]
    public async Task An_extra_holiday_in_the_calendar_moves_the_deadlines_of_new_tickets()
    {
        var kit = At(new DateTime(2026, 11, 30, 17, 0, 0)); // Monday evening
        var admin = await kit.As("admin");
        var calendar = await admin.GetFromJsonAsync<WorkCalendarDto>("/api/v1/tickets/calendar/2026", TicketKit.Json);
        Assert.Equal(39, calendar!.Days.Count); // data/calendar/cn-holidays.csv
        Assert.Equal("08:30-12:00,13:30-17:30", calendar.WorkingHours);

        var before = await kit.ReportAsync(description: "龙蟠路上水井盖缺失", category: "C0101");
        Assert.Equal(China(2026, 12, 1, 9), before.DueAt);
        try
        {
            List<CalendarDayDto> days = [.. calendar.Days, new(new DateOnly(2026, 12, 1), DayKind.Holiday, "测试停工日")];
            var saved = await Read<WorkCalendarDto>(await admin.PutAsJsonAsync("/api/v1/tickets/calendar/2026", days, TicketKit.Json));
            Assert.Equal(40, saved.Days.Count);

            var after = await kit.ReportAsync(description: "龙蟠路上水井盖破损", category: "C0101");
            Assert.Equal(China(2026, 12, 2, 9), after.DueAt);
            Assert.Equal(China(2026, 12, 1, 9), (await kit.GetAsync("street", before.Id))!.DueAt);
        }
        finally
        {
            var restored = await Read<WorkCalendarDto>(await admin.PutAsJsonAsync("/api/v1/tickets/calendar/2026", calendar.Days, TicketKit.Json));
            Assert.Equal(calendar.Days, restored.Days);
        }
        Assert.Equal(China(2026, 12, 1, 9), (await kit.ReportAsync(description: "龙蟠路雨水井盖缺失", category: "C0103")).DueAt);
    }

    [Fact]
    public async Task A_bad_calendar_is_refused_naming_each_item_and_changes_nothing()
    {
        var kit = At(new DateTime(2026, 11, 30, 10, 0, 0));
        var admin = await kit.As("admin");
        var calendar = await admin.GetFromJsonAsync<WorkCalendarDto>("/api/v1/tickets/calendar/2026", TicketKit.Json);
        List<CalendarDayDto> bad =
        [
            new(new DateOnly(2026, 12, 1), DayKind.Holiday, "测试日"),
            new(new DateOnly(2027, 1, 1), DayKind.Holiday, "元旦"),
            new(new DateOnly(2026, 12, 2), DayKind.Workday, "调休上班"),
            new(new DateOnly(2026, 12, 5), DayKind.Holiday, " "),
            new(new DateOnly(2026, 12, 1), DayKind.Holiday, "又一次"),
        ];
        var response = await admin.PutAsJsonAsync("/api/v1/tickets/calendar/2026", bad, TicketKit.Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(
            ["第 2 项：日期 2027-01-01 不在 2026 年", "第 3 项：2026-12-02 是工作日，不需要设为调休上班", "第 4 项：请填写名称（不超过 50 字）", "日期 2026-12-01 重复"],
            problem!.Errors["days"]);

        // Only the configurators may change it.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await kit.As("street")).PutAsJsonAsync("/api/v1/tickets/calendar/2026", calendar!.Days, TicketKit.Json)).StatusCode);

        var unchanged = await admin.GetFromJsonAsync<WorkCalendarDto>("/api/v1/tickets/calendar/2026", TicketKit.Json);
        Assert.Equal(calendar.Days, unchanged!.Days);
        Assert.Equal(China(2026, 11, 30, 11), (await kit.ReportAsync(description: "后宰门上水井盖缺失", category: "C0101")).DueAt);
    }

    sealed record JsonCategory(string Code, string? AcceptLimit, string? DispatchLimit, string? HandleLimit, string? VerifyLimit);
}
