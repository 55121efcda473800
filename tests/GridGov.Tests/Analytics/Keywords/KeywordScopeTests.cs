using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Analytics.Keywords;
using GridGov.Features.Tickets;
using GridGov.Infrastructure.UseCases;
using GridGov.Tests.Infrastructure;

namespace GridGov.Tests.Analytics.Keywords;

// Whose words: the street command centre sees its own street's tickets' words only, another street is
// not found, a community lead only its community; bad dates are refused in Chinese. June 2025, two
// streets of 玄武区: 梅园新村街道 complains of 共享单车, 新街口街道 of 渣土车.
[Collection(NanjingCollection.Name)]
public sealed class KeywordScopeTests(GridGovApp app)
{
    const long MyStreet = 320102002, OtherStreet = 320102003, MyCommunity = 320102002001, OtherCommunity = 320102002002;
    readonly KeywordKit kit = new(app);

    static string Period(int month) => $"from=2025-{month:D2}-01&to=2025-{month:D2}-{DateTime.DaysInMonth(2025, month)}";

    // Each test its own month, so that neither sees the other's tickets.
    async Task ArrangeAsync(int month)
    {
        var days = KeywordKit.DaysOf(2025, month, 5, 12, 19);
        await kit.AddAsync(await kit.GridOfAsync(OtherCommunity), days, "共享单车乱停乱放堵住小区门口", "共享单车倒在人行道上", "共享单车堆满非机动车道");
        await kit.AddAsync(await kit.GridOfAsync(OtherStreet * 1000 + 1), days, "渣土车夜间抛洒泥土", "渣土车超载闯红灯", "渣土车带泥上路污染路面");
        await kit.AddAsync(await kit.GridOfAsync(MyCommunity), days, "井盖松动踩上去会响");
        await kit.IndexAsync();
    }

    [Fact]
    public async Task A_street_sees_its_own_words_and_not_another_streets()
    {
        await ArrangeAsync(6);
        var mine = await kit.HotAsync("street", null, new(2025, 6, 1), new(2025, 6, 30));
        Assert.Equal(MyStreet, mine.UnitCode);
        Assert.Contains(mine.Keywords, k => k.Word == "共享单车" && k.Count == 3);
        Assert.DoesNotContain(mine.Keywords, k => k.Word == "渣土车");
        // The district sees both streets.
        var district = await kit.HotAsync("district", null, new(2025, 6, 1), new(2025, 6, 30));
        Assert.Contains(district.Keywords, k => k.Word == "渣土车" && k.Count == 3);
        Assert.Contains(district.Keywords, k => k.Word == "共享单车" && k.Count == 3);

        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync("street", $"?unit={OtherStreet}&{Period(6)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync("street", $"/trend?word=渣土车&unit={OtherStreet}&{Period(6)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync("street", $"/tickets?word=渣土车&unit={OtherStreet}&{Period(6)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync("street", $"/export?unit={OtherStreet}&{Period(6)}")).StatusCode);
        // Within its own area the other street's word has no tickets.
        var tickets = await (await kit.GetAsync("street", $"/tickets?word=渣土车&{Period(6)}")).Content.ReadFromJsonAsync<PagedResult<TicketSummary>>(KeywordKit.Json);
        Assert.Equal(0, tickets!.Total);
        var trend = await (await kit.GetAsync("street", $"/trend?word=渣土车&{Period(6)}")).Content.ReadFromJsonAsync<KeywordTrend>(KeywordKit.Json);
        Assert.All(trend!.Points, p => Assert.Equal(0, p.Count));
    }

    [Fact]
    public async Task A_community_lead_sees_its_community_only_and_a_grid_worker_nothing()
    {
        await ArrangeAsync(7);
        var own = await kit.HotAsync("community", null, new(2025, 7, 1), new(2025, 7, 31));
        Assert.Equal(MyCommunity, own.UnitCode);
        Assert.Contains(own.Keywords, k => k.Word == "井盖松动");
        Assert.DoesNotContain(own.Keywords, k => k.Word == "共享单车");
        Assert.Equal(1, own.Tickets);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync("community", $"?unit={MyStreet}&{Period(7)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync("community", $"?unit={OtherCommunity}&{Period(7)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.GetAsync("grid", $"?{Period(7)}")).StatusCode);
    }

    // 仅本单位 at the street: the street's own tickets (placed on the street office, no grid) and none of
    // its grids' — the day sums of the whole street are never read for such a caller.
    [Fact]
    public async Task A_caller_who_sees_the_street_office_only_gets_its_own_tickets_words()
    {
        await ArrangeAsync(8);
        await kit.AddAsync(OrgCode.Pad(MyStreet), KeywordKit.DaysOf(2025, 8, 20), "路灯杆倾斜随时可能倒下");
        await kit.IndexAsync();
        using var admin = await app.ClientForAsync("admin");
        var name = "kw_unit_" + Guid.NewGuid().ToString("N")[..6];
        const string Password = "Keyword-only-8a";
        var created = await admin.PostAsJsonAsync("/api/v1/users",
            new { userName = name, displayName = "街道本级", orgUnitCode = MyStreet, dataScope = "UnitOnly", roles = new[] { "street_leader" }, password = Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var office = await app.ClientForAsync(name, Password);
        var hot = (await (await office.GetAsync($"/api/v1/analytics/keywords?unit={MyStreet}&{Period(8)}")).Content.ReadFromJsonAsync<HotKeywords>(KeywordKit.Json))!;
        Assert.Equal(1, hot.Tickets);
        Assert.Contains(hot.Keywords, k => k.Word == "路灯杆" || k.Word == "倾斜");
        Assert.DoesNotContain(hot.Keywords, k => k.Word is "共享单车" or "井盖松动");
        var tickets = await (await office.GetAsync($"/api/v1/analytics/keywords/tickets?word=共享单车&unit={MyStreet}&{Period(8)}")).Content.ReadFromJsonAsync<PagedResult<TicketSummary>>(KeywordKit.Json);
        Assert.Equal(0, tickets!.Total);
        // Its street centre sees all of them.
        var street = await kit.HotAsync("street", MyStreet, new(2025, 8, 1), new(2025, 8, 31));
        Assert.Equal(5, street.Tickets);
    }

    [Theory]
    [InlineData("from=2025-13-01", "from", "起始日期“2025-13-01”格式不正确")]
    [InlineData("from=2025-06-30&to=2025-06-01", "to", "截止日期不能早于起始日期")]
    [InlineData("from=2024-01-01&to=2025-06-30", "to", "查询期间不能超过 366 天")]
    [InlineData("to=1999-12-31", "to", "截止日期应在 2000 年至 2100 年之间")]
    public async Task Bad_dates_are_refused_with_a_chinese_message(string query, string field, string message)
    {
        var response = await kit.GetAsync("street", "?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Contains(message, problem.GetProperty("detail").GetString());
    }
}
