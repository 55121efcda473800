using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Identity;
using GridGov.Features.Organization;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Terminal.Campaigns;
using GridGov.Features.Terminal.Home;
using GridGov.Infrastructure.Places;
using GridGov.Tests.Infrastructure;
using GridGov.Tests.Registry;
using GridGov.Tests.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Terminal;

// The campaign office lists within the publisher's area (the rest of CampaignTests).
public sealed partial class CampaignTests
{
    [Fact]
    public async Task The_office_lists_stay_inside_the_publishers_area()
    {
        var campaign = await PublishAsync(Grids(await GridsOfAsync(RegistryKit.Community, 1)));
        // A community director of the neighbouring community sees neither the campaign nor its tasks.
        var admin = await kit.As("admin");
        var userName = "cp_" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName, displayName = "邻社区主任", orgUnitCode = OtherCommunity, dataScope = "UnitAndBelow", roles = new[] { "community_director" }, password = "Campaign-test-9k" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var neighbour = await app.ClientForAsync(userName, "Campaign-test-9k");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"{Url}/{campaign.Campaign.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"{Url}/{campaign.Campaign.Id}/tasks")).StatusCode);
        var list = await neighbour.GetFromJsonAsync<JsonElement>($"{Url}?pageSize=100");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetInt64() == campaign.Campaign.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync($"{Url}/{campaign.Campaign.Id}/close", new { version = 0 })).StatusCode);
    }
}
