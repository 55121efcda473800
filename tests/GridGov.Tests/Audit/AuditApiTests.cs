using GridGov.Features.Identity;
using GridGov.Infrastructure.Database;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using GridGov.Features.Audit;
using GridGov.Infrastructure.Cli;
using GridGov.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Tests.Audit;

[Collection(NanjingCollection.Name)]
public sealed class AuditApiTests(GridGovApp app)
{
    [Fact]
    public async Task A_user_change_is_recorded_with_who_what_before_and_after()
    {
        using var admin = await app.ClientForAsync("admin");
        await using var db = app.UnscopedDb();
        var grid = db.Users.Single(u => u.UserName == "grid");
        var r = await admin.PutAsJsonAsync($"/api/v1/users/{grid.Id}", new
        {
            displayName = "李网格", orgUnitCode = grid.OrgUnitCode, dataScope = "UnitAndBelow", roles = new[] { "grid_worker" },
        });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);

        using var auditor = await app.ClientForAsync("auditor");
        var page = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?entityType=AppUser&action=Update&pageSize=50");
        var record = page.GetProperty("items").EnumerateArray()
            .First(a => a.GetProperty("after").GetString()!.Contains("李网格"));
        Assert.Equal("admin", record.GetProperty("actorName").GetString());
        Assert.Equal(grid.Id.ToString(), record.GetProperty("entityKey").GetString());
        Assert.Contains(grid.DisplayName, record.GetProperty("before").GetString());
        Assert.DoesNotContain("AQAAAA", record.GetProperty("after").GetString()); // no password hash in the trail
    }

    [Fact]
    public async Task The_auditor_verifies_the_keyed_chain_through_the_api()
    {
        // The anchoring at start runs beside the first requests; here it is awaited.
        await app.Services.GetRequiredService<AuditAnchoring>().AnchorAsync();
        using var auditor = await app.ClientForAsync("auditor");
        var result = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(result.GetProperty("intact").GetBoolean(), result.GetProperty("message").GetString());
        Assert.Contains("HMAC-SM3", result.GetProperty("message").GetString());
    }
}
