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
// What users type is stored without the characters that only hide or disguise text (CleanText):
// through the JSON reader for the API and the use cases for the pages, in every text stored.
[Collection(NanjingCollection.Name)]
public sealed class HiddenCharacterTests(GridGovApp app)
{
    readonly TicketKit kit = new(app);

    const string Hidden = "\u0000\u0001\u001b\u007f\u0085\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\ufeff";

    [Fact]
    public async Task Control_and_bidi_characters_are_stripped_from_every_text_stored()
    {
        var (lon, lat) = await kit.PointAsync();
        var response = await kit.PostReportAsync("grid", new
        {
            categoryCode = "C0101", description = $"井盖{Hidden}缺失\u2028第二行\tgpj.exe", address = $"长江路\u202e12号\r\n东侧{Hidden}",
            reporterName = $"张\u2028三\u200b\u200d\u2060\u00ad", lon, lat,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("ticket").GetProperty("id").GetInt64();
        await kit.DoAsync("street", id, TicketAction.Reject, new { note = $"不属于\u202e受理范围{Hidden}\n请转派" });

        var admin = await kit.As("admin");
        var userName = "bidi" + Guid.NewGuid().ToString("N")[..6];
        var user = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName, displayName = $"\u202e员工{Hidden}甲\u200b", orgUnitCode = 320102, dataScope = "UnitAndBelow", roles = Array.Empty<string>(), password = "Bidi-test-12a",
        });
        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        var role = await admin.PostAsJsonAsync("/api/v1/roles", new
        {
            name = "bidi_" + Guid.NewGuid().ToString("N")[..6], displayName = $"巡查\u2066员{Hidden}", description = $"说明\u0000\n第二行", permissions = new[] { "org.view" },
        });
        Assert.Equal(HttpStatusCode.OK, role.StatusCode);
        var roleId = JsonDocument.Parse(await role.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        await using var db = app.UnscopedDb();
        var t = await db.Tickets.AsNoTracking().SingleAsync(x => x.Id == id);
        Assert.Equal("井盖缺失\n第二行\tgpj.exe", t.Description);
        Assert.Equal("长江路12号 东侧", t.Address);
        Assert.Equal("张 三", t.ReporterName);
        Assert.Equal("不属于受理范围\n请转派", (await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == id && e.Action == TicketAction.Reject).SingleAsync()).Note);
        Assert.Equal("员工甲", (await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName)).DisplayName);
        var saved = await db.Roles.AsNoTracking().SingleAsync(r => r.Id == roleId);
        Assert.Equal(("巡查员", "说明\n第二行"), (saved.DisplayName, saved.Description));
    }

    [Fact]
    public async Task Category_calendar_and_rule_texts_lose_hidden_characters_too()
    {
        var admin = await kit.As("admin");
        await using var db = app.UnscopedDb();
        var name = (await db.TicketCategories.AsNoTracking().SingleAsync(c => c.Code == "E0103")).Name;
        var renamed = await admin.PutAsJsonAsync("/api/v1/tickets/categories/E0103", new { name = $"{name}\u202e{Hidden}" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(name, (await db.TicketCategories.AsNoTracking().SingleAsync(c => c.Code == "E0103")).Name);

        var calendar = await admin.PutAsJsonAsync("/api/v1/tickets/calendar/2099", new[] { new { date = "2099-01-01", kind = "Holiday", name = $"元\u202e旦{Hidden}" } });
        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        Assert.Equal("元旦", (await db.CalendarDays.AsNoTracking().SingleAsync(d => d.Date == new DateOnly(2099, 1, 1))).Name);

        var department = await kit.HandlerDepartmentAsync();
        var rule = await admin.PostAsJsonAsync("/api/v1/tickets/dispatch-rules", new
        {
            order = 99, name = $"规则\u202e{Hidden}甲", areaCode = TicketKit.Street, keywords = $"井盖\u0000\u2066缺失", departmentId = department,
        });
        Assert.True(rule.IsSuccessStatusCode, await rule.Content.ReadAsStringAsync());
        var stored = await db.DispatchRules.AsNoTracking().OrderByDescending(r => r.Id).FirstAsync();
        Assert.Equal(("规则甲", "井盖缺失"), (stored.Name, stored.Keywords));
        Assert.True((await admin.DeleteAsync($"/api/v1/tickets/dispatch-rules/{stored.Id}")).IsSuccessStatusCode);
    }
}
