using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Dispatching;
using GridGov.Features.Tickets.Intake;
using GridGov.Infrastructure;
using GridGov.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using static GridGov.Features.Tickets.TicketAction;

namespace GridGov.Tests.Tickets;

// Ordered dispatch rules (DESIGN.md §5): on acceptance the first enabled rule whose conditions all
// hold dispatches the ticket at once, as the system; without a match it waits for a dispatcher.
// The rules live in 新街口街道 (320102003), where no other test reports, and are deleted after each
// test: other tests accept tickets in 梅园新村街道 and expect them to stay Accepted.
[Collection(NanjingCollection.Name)]
public sealed class DispatchRuleTests(GridGovApp app) : IAsyncLifetime
{
    const long Area = 320102003, AreaGrid = 320102003001001, OtherAreaGrid = 320102005001001;
    const string Rules = "/api/v1/tickets/dispatch-rules";
    readonly TicketKit kit = new(app);
    readonly List<int> created = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var admin = await kit.As("admin");
        foreach (var id in created)
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Rules}/{id}")).StatusCode);
        Assert.DoesNotContain(await admin.GetFromJsonAsync<List<DispatchRuleDto>>(Rules, TicketKit.Json) ?? [], r => created.Contains(r.Id));
    }

    Task<long> CityManagement() => kit.DepartmentAsync(Area, "城管");
    Task<long> Police() => kit.DepartmentAsync(Area, "公安");

    async Task<DispatchRuleDto> AddRule(object rule)
    {
        var response = await (await kit.As("admin")).PostAsJsonAsync(Rules, rule, TicketKit.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var dto = (await response.Content.ReadFromJsonAsync<DispatchRuleDto>(TicketKit.Json))!;
        created.Add(dto.Id);
        return dto;
    }

    async Task<TicketDetail> ReportAndAccept(string category, string description, long grid = AreaGrid, TicketSource source = TicketSource.Hotline)
    {
        var (lon, lat) = await kit.PointOfAsync(grid);
        var response = await kit.PostReportAsync("admin", new { categoryCode = category, description, lon, lat, source });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var t = (await response.Content.ReadFromJsonAsync<CreateTicketResult>(TicketKit.Json))!.Ticket;
        Assert.Equal(grid, t.GridCode);
        return await kit.DoAsync("admin", t.Id, Accept);
    }

    static void AssertDispatchedBy(TicketDetail t, DispatchRuleDto rule)
    {
        Assert.Equal(TicketState.Dispatched, t.State);
        Assert.Equal(rule.DepartmentId, t.LeadDepartmentId);
        Assert.Equal(rule.DepartmentName, t.LeadDepartment);
        Assert.NotNull(t.HandleDueAt);
        Assert.Equal([Report, Accept, Dispatch], t.Timeline.Select(e => e.Action));
        var row = t.Timeline[^1];
        Assert.Equal(("系统", TicketState.Accepted, TicketState.Dispatched), (row.ActorName, row.From, row.To));
        Assert.Equal($"按派遣规则“{rule.Name}”自动派遣", row.Note);
        Assert.Equal(rule.DepartmentName, row.Department);
    }

    static void AssertWaits(TicketDetail t)
    {
        Assert.Equal(TicketState.Accepted, t.State);
        Assert.Null(t.LeadDepartmentId);
        Assert.Equal([Report, Accept], t.Timeline.Select(e => e.Action));
    }

    [Fact]
    public async Task The_first_matching_rule_dispatches_at_once_order_decides_and_disabled_rules_are_skipped()
    {
        var manholes = await AddRule(new { order = 10, name = "井盖归城管", areaCode = Area, categoryCode = "C01", departmentId = await CityManagement() });
        var police = await AddRule(new { order = 20, name = "井盖被盗归公安", areaCode = Area, categoryCode = "C0101", keywords = "被盗，偷走", departmentId = await Police() });
        Assert.Equal("新街口街道", manholes.AreaName);
        Assert.Equal("新街口街道城管中队", manholes.DepartmentName);
        Assert.Equal("新街口街道派出所", police.DepartmentName);

        // Both rules match; the earlier one wins.
        AssertDispatchedBy(await ReportAndAccept("C0101", "香铺营上水井盖被盗"), manholes);

        // Put the police rule first: now it wins.
        var moved = await (await kit.As("admin")).PutAsJsonAsync($"{Rules}/{police.Id}",
            new { order = 5, name = police.Name, areaCode = Area, categoryCode = "C0101", keywords = police.Keywords, departmentId = police.DepartmentId }, TicketKit.Json);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var list = await (await kit.As("admin")).GetFromJsonAsync<List<DispatchRuleDto>>(Rules, TicketKit.Json);
        Assert.Equal([police.Id, manholes.Id], list!.Where(r => created.Contains(r.Id)).Select(r => r.Id));
        AssertDispatchedBy(await ReportAndAccept("C0101", "香铺营上水井盖被人偷走"), police with { Order = 5 });
        // It needs its keyword: without one the city-management rule still takes it.
        AssertDispatchedBy(await ReportAndAccept("C0101", "香铺营上水井盖破损"), manholes);

        // Disabled, it is skipped.
        var disabled = await (await kit.As("admin")).PutAsJsonAsync($"{Rules}/{police.Id}",
            new { order = 5, name = police.Name, enabled = false, areaCode = Area, categoryCode = "C0101", keywords = police.Keywords, departmentId = police.DepartmentId }, TicketKit.Json);
        Assert.False((await disabled.Content.ReadFromJsonAsync<DispatchRuleDto>(TicketKit.Json))!.Enabled);
        AssertDispatchedBy(await ReportAndAccept("C0101", "香铺营上水井盖又被盗"), manholes);
    }

    [Fact]
    public async Task A_ticket_matching_no_rule_waits_for_a_dispatcher()
    {
        var rule = await AddRule(new
        {
            order = 1, name = "热线违建归城管", areaCode = Area, categoryCode = "E0101", keywords = "棚屋 违建",
            source = TicketSource.Hotline, departmentId = await CityManagement(),
        });

        AssertWaits(await ReportAndAccept("E0102", "香铺营路边棚屋旁暴露垃圾")); // other category
        AssertWaits(await ReportAndAccept("E0101", "香铺营小区私搭乱建车库")); // no keyword
        AssertWaits(await ReportAndAccept("E0101", "百子亭小区搭建棚屋", grid: OtherAreaGrid)); // other area
        AssertWaits(await ReportAndAccept("E0101", "香铺营小区搭建棚屋", source: TicketSource.Patrol)); // other source
        AssertDispatchedBy(await ReportAndAccept("E0101", "香铺营小区搭建棚屋"), rule); // all conditions hold

        // A rule of the whole district covers its streets: the ticket in the other street now matches.
        var district = await AddRule(new { order = 2, name = "全区违建", areaCode = 320102, categoryCode = "E01", departmentId = await kit.DepartmentAsync(320102, "城管") });
        Assert.Equal("玄武区城市管理局", district.DepartmentName);
        AssertDispatchedBy(await ReportAndAccept("E0101", "百子亭小区又搭建棚屋", grid: OtherAreaGrid), district);
    }

    [Fact]
    public async Task A_time_window_rule_applies_inside_its_hours_only()
    {
        var hour = ChinaTime.FromUtc(DateTime.UtcNow).Hour;
        // The window around this hour (wrapping past midnight where it must) and one well away from it.
        var away = await AddRule(new
        {
            order = 1, name = "非当前时段", areaCode = Area, keywords = "时段测试", fromHour = (hour + 4) % 24, toHour = (hour + 6) % 24,
            departmentId = await Police(),
        });
        AssertWaits(await ReportAndAccept("E0112", "香铺营路口道路遗撒时段测试"));
        var now = await AddRule(new
        {
            order = 2, name = "当前时段", areaCode = Area, keywords = "时段测试", fromHour = (hour + 23) % 24, toHour = (hour + 2) % 24,
            departmentId = await CityManagement(),
        });
        AssertDispatchedBy(await ReportAndAccept("E0112", "香铺营路口道路遗撒时段测试"), now);
        Assert.NotEqual(away.DepartmentId, now.DepartmentId);
    }

    [Fact]
    public async Task A_district_sees_and_changes_only_the_rules_of_its_own_area()
    {
        var own = await AddRule(new { order = 90, name = "新街口规则", areaCode = Area, departmentId = await CityManagement() });
        var foreign = await AddRule(new { order = 91, name = "秦虹规则", areaCode = 320104001, departmentId = await kit.DepartmentAsync(320104001, "城管") });
        var district = await kit.As("district");
        var seen = (await district.GetFromJsonAsync<List<DispatchRuleDto>>(Rules, TicketKit.Json))!;
        Assert.Contains(seen, r => r.Id == own.Id);
        Assert.DoesNotContain(seen, r => r.Id == foreign.Id);
        Assert.All(seen, r => Assert.Equal(320102, r.AreaCode / (long)Math.Pow(10, r.AreaCode.ToString().Length - 6)));
        var body = new { order = 1, name = "改别区的", areaCode = Area, departmentId = await CityManagement() };
        Assert.Equal(HttpStatusCode.NotFound, (await district.PutAsJsonAsync($"{Rules}/{foreign.Id}", body, TicketKit.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await district.DeleteAsync($"{Rules}/{foreign.Id}")).StatusCode);
        // Nor may it point a rule at another district's area or department.
        var outside = await district.PostAsJsonAsync(Rules, new { name = "越界", areaCode = 320104001, departmentId = foreign.DepartmentId }, TicketKit.Json);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(["areaCode", "departmentId"], (await outside.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.Order());
        var admin = (await (await kit.As("admin")).GetFromJsonAsync<List<DispatchRuleDto>>(Rules, TicketKit.Json))!;
        Assert.Equal("秦虹街道城管中队", admin.Single(r => r.Id == foreign.Id).DepartmentName);
    }

    [Fact]
    public async Task Bad_rules_are_refused_field_by_field_in_Chinese_and_nothing_is_saved()
    {
        var admin = await kit.As("admin");
        var before = (await admin.GetFromJsonAsync<List<DispatchRuleDto>>(Rules, TicketKit.Json))!.Count;
        var response = await admin.PostAsJsonAsync(Rules, new
        {
            order = 1, name = " ", areaCode = 320199999, categoryCode = "X9999", keywords = new string('词', 301),
            fromHour = 8, departmentId = 987654321,
        }, TicketKit.Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors;
        Assert.Equal(new Dictionary<string, string[]>
        {
            ["name"] = ["请填写规则名称（不超过 100 字）"],
            ["areaCode"] = ["区域 320199999 不存在或不在您的管理范围内"],
            ["departmentId"] = ["部门 987654321 不存在或不在您的管理范围内"],
            ["categoryCode"] = ["事件分类“X9999”不存在"],
            ["keywords"] = ["关键词不能超过 300 字"],
            ["fromHour"] = ["时段须同时填写开始和结束（0–24 点）"],
        }.OrderBy(e => e.Key), errors.OrderBy(e => e.Key));

        // One field wrong at a time, the rest right.
        var department = await CityManagement();
        async Task<string[]> Only(string field, object body)
        {
            var r = await admin.PostAsJsonAsync(Rules, body, TicketKit.Json);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            var e = (await r.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors;
            Assert.Equal([field], e.Keys);
            return e[field];
        }
        Assert.Equal(["请填写规则名称（不超过 100 字）"], await Only("name", new { name = new string('名', 101), areaCode = Area, departmentId = department }));
        Assert.Equal("请选择规则适用的区域", Assert.Single(await Only("areaCode", new { name = "缺区域", departmentId = department })));
        Assert.Equal("请选择派往的部门", Assert.Single(await Only("departmentId", new { name = "缺部门", areaCode = Area })));
        // An area code that names no unit.
        Assert.Equal(["区域 320102003999 不存在或不在您的管理范围内"], await Only("areaCode", new { name = "坏区域", areaCode = 320102003999, departmentId = department }));
        Assert.Equal(["时段须同时填写开始和结束（0–24 点）"], await Only("fromHour", new { name = "坏时段", areaCode = Area, departmentId = department, fromHour = 24, toHour = 3 }));
        Assert.Equal(["时段须同时填写开始和结束（0–24 点）"], await Only("fromHour", new { name = "半个时段", areaCode = Area, departmentId = department, toHour = 3 }));

        // Only configurators manage rules.
        var street = await kit.As("street");
        Assert.Equal(HttpStatusCode.Forbidden, (await street.PostAsJsonAsync(Rules, new { name = "越权", areaCode = Area, departmentId = department }, TicketKit.Json)).StatusCode);
        Assert.Equal(before, (await admin.GetFromJsonAsync<List<DispatchRuleDto>>(Rules, TicketKit.Json))!.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{Rules}/987654")).StatusCode);
    }
}
