using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Analytics.Warnings;
using GridGov.Infrastructure.UseCases;
using GridGov.Tests.Infrastructure;
using GridGov.Tests.Registry;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridGov.Tests.Analytics.Warnings;

// Who sees which warning (the data scope: another street's is 404), who hears of it live, and who
// changes the rules (the city only).
[Collection(NanjingCollection.Name)]
public sealed class WarningApiTests(GridGovApp app)
{
    const long OtherStreetCommunity = 320102008003;
    const string Url = "/api/v1/analytics/warnings";
    readonly WarningKit kit = new(app);
    readonly RegistryKit clients = new(app);

    async Task<List<long>> ListedAsync(string user)
    {
        var page = await (await clients.As(user)).GetFromJsonAsync<PagedResult<WarningRow>>($"{Url}?pageSize=100", RegistryKit.Json);
        return [.. page!.Items.Select(w => w.Id)];
    }

    [Fact]
    public async Task A_street_sees_the_warnings_of_its_area_and_another_streets_answer_404()
    {
        var own = await WarningHandlingTests.RaiseAsync(kit, WarningHandlingTests.OwnCommunity, "G0106");
        var other = await WarningHandlingTests.RaiseAsync(kit, OtherStreetCommunity, "G0106");
        var street = await clients.As("street");
        var detail = await street.GetFromJsonAsync<WarningDetail>($"{Url}/{own.Id}", RegistryKit.Json);
        Assert.Equal(3, detail!.Evidence.Count);
        Assert.Equal(0, detail.Hidden);
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync($"{Url}/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.PostAsJsonAsync($"{Url}/{other.Id}/acknowledge", new { version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync($"{Url}?area=320102008")).StatusCode);
        var listed = await ListedAsync("street");
        Assert.Contains(own.Id, listed);
        Assert.DoesNotContain(other.Id, listed);
        // The district above both sees both; a community of the same street sees neither.
        Assert.Equal(HttpStatusCode.OK, (await (await clients.As("district")).GetAsync($"{Url}/{other.Id}")).StatusCode);
        Assert.Contains(other.Id, await ListedAsync("district"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await clients.As("community")).GetAsync($"{Url}/{own.Id}")).StatusCode);
        // Without analytics.view: no warnings at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await clients.As("grid")).GetAsync(Url)).StatusCode);
        // The chart counts them on the day they were raised.
        var days = await (await clients.As("district")).GetFromJsonAsync<List<WarningDay>>($"{Url}/daily?days=60", RegistryKit.Json);
        Assert.True(days!.Where(d => d.Day == GridGov.Infrastructure.ChinaTime.DateOf(other.RaisedAt) && d.Kind == WarningKind.Threshold).Single().Count >= 1);
    }

    [Fact]
    public async Task The_hub_tells_a_street_of_new_warnings_of_its_area_only()
    {
        var heard = new ConcurrentQueue<WarningChange>();
        await using var hub = await TestClients.HubAsync(app.Server, await app.TokenAsync("street"),
            h => h.On<WarningChange>(WarningHub.Method, heard.Enqueue), WarningHub.Path);
        var other = await WarningHandlingTests.RaiseAsync(kit, OtherStreetCommunity, "G0105");
        var own = await WarningHandlingTests.RaiseAsync(kit, WarningHandlingTests.OwnCommunity, "G0105");
        for (var i = 0; i < 100 && !heard.Any(c => c.Id == own.Id); i++) await Task.Delay(100);
        var change = Assert.Single(heard, c => c.Id == own.Id);
        Assert.True(change.New);
        Assert.Equal(own.Title, change.Title);
        Assert.Equal(await kit.EvidenceAsync(own.Id), change.TicketIds.Order());
        Assert.DoesNotContain(heard, c => c.Id == other.Id);
    }

    [Fact]
    public async Task Only_an_account_of_the_whole_city_changes_the_rules()
    {
        var street = await clients.As("street");
        var rules = await street.GetFromJsonAsync<List<WarningRuleDto>>($"{Url}/rules", RegistryKit.Json);
        Assert.Superset(SeedWarningRules.Defaults().Select(r => r.Name).ToHashSet(), rules!.Select(r => r.Name).ToHashSet());
        object Cluster(int? radius, string name) => new { name, kind = "Cluster", radiusMeters = radius, windowHours = 6, minCount = 6 };
        var refused = await street.PostAsJsonAsync($"{Url}/rules", Cluster(300, "街道想加的规则"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("全市统一的设置", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var admin = await clients.As("admin");
        var invalid = await admin.PostAsJsonAsync($"{Url}/rules", Cluster(null, ""));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("半径须在 10–5000 米之间", errors.GetProperty("radiusMeters")[0].GetString());
        Assert.Equal("请填写规则名称", errors.GetProperty("name")[0].GetString());

        var name = "全市聚集" + Guid.NewGuid().ToString("N")[..6];
        var created = await admin.PostAsJsonAsync($"{Url}/rules", Cluster(200, name));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rule = (await created.Content.ReadFromJsonAsync<WarningRuleDto>(RegistryKit.Json))!;
        Assert.Equal((200, 6, 6, "全市"), (rule.RadiusMeters, rule.WindowHours, rule.MinCount, rule.AreaName));
        var stale = await admin.PutAsJsonAsync($"{Url}/rules/{rule.Id}", new { name, kind = "Cluster", radiusMeters = 200, windowHours = 6, minCount = 6, enabled = false, version = 5 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var off = await admin.PutAsJsonAsync($"{Url}/rules/{rule.Id}", new { name, kind = "Cluster", radiusMeters = 200, windowHours = 6, minCount = 6, enabled = false, version = 0 });
        Assert.False((await off.Content.ReadFromJsonAsync<WarningRuleDto>(RegistryKit.Json))!.Enabled);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.DeleteAsync($"{Url}/rules/{rule.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Url}/rules/{rule.Id}")).StatusCode);

        // A rule that has raised a warning stays (its history); it can be disabled.
        var used = await WarningHandlingTests.RaiseAsync(kit, WarningHandlingTests.OwnCommunity, "G0103");
        var kept = await admin.DeleteAsync($"{Url}/rules/{used.RuleId}");
        Assert.Equal(HttpStatusCode.Conflict, kept.StatusCode);
        Assert.Contains("请停用", (await kept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
