using GridGov.Features.Identity;
using GridGov.Infrastructure.Database;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Audit;
using GridGov.Infrastructure.Cli;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Tests.Audit;

// Each test tampers with its own database: a fresh app without a city (roles are seeded, so the
// chain already has links).
public sealed class AuditChainTests : IAsyncLifetime
{
    readonly EmptyGridGovApp app = new();

    public Task InitializeAsync() { _ = app.Server; return Task.CompletedTask; }
    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task<(int Exit, string Output)> VerifyCliAsync()
    {
        var output = new StringWriter();
        return (await Commands.RunAsync(app.Services, "verify-audit", [], output), output.ToString());
    }

    [Fact]
    public async Task Every_write_is_chained_and_an_untouched_chain_verifies()
    {
        await using var db = app.UnscopedDb();
        var records = await db.AuditRecords.OrderBy(a => a.Seq).ToListAsync();
        Assert.NotEmpty(records);
        Assert.Contains(records, r => r.EntityType == "AppRole" && r.Action == "Create" && r.After!.Contains("city_admin"));
        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Seq));
        Assert.All(records.Skip(1).Zip(records), p => Assert.Equal(p.Second.Hash, p.First.PrevHash));

        var (exit, output) = await VerifyCliAsync();
        Assert.Equal(0, exit);
        Assert.Contains("审计链完整", output);
    }

    [Fact]
    public async Task Concurrent_writers_keep_one_unbroken_chain()
    {
        // 24 writes at once from separate contexts, as 24 requests would make them.
        var database = app.Services.GetRequiredService<GridGov.Infrastructure.Database.GridDatabase>();
        await Parallel.ForEachAsync(Enumerable.Range(1, 24), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            await using var db = database.CreateUnscoped(new AuditActor(null, $"writer-{i}", 0, null));
            db.Roles.Add(new GridGov.Features.Identity.AppRole { Name = $"concurrent_{i}", NormalizedName = $"CONCURRENT_{i}", DisplayName = $"并发{i}" });
            await db.SaveChangesAsync(ct);
        });

        var result = await app.Services.CreateScope().ServiceProvider.GetRequiredService<VerifyAudit>().RunAsync();
        Assert.True(result.Intact, result.Message);
        await using var check = app.UnscopedDb();
        Assert.Equal(24, await check.AuditRecords.CountAsync(a => a.ActorName.StartsWith("writer-")));
    }

    [Fact]
    public async Task An_edited_record_is_named_by_verify_audit()
    {
        await using var db = app.UnscopedDb();
        var victim = await db.AuditRecords.OrderBy(a => a.Seq).Skip(3).FirstAsync();
        await db.AuditRecords.Where(a => a.Seq == victim.Seq)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, "someone-else"));

        var (exit, output) = await VerifyCliAsync();
        Assert.Equal(1, exit);
        Assert.Contains($"第 {victim.Seq} 条审计记录被篡改", output);
        var result = await app.Services.CreateScope().ServiceProvider.GetRequiredService<VerifyAudit>().RunAsync();
        Assert.Equal(victim.Seq, result.BrokenAt);
    }

    [Fact]
    public async Task A_deleted_record_is_named_by_verify_audit()
    {
        await using var db = app.UnscopedDb();
        var victim = await db.AuditRecords.OrderBy(a => a.Seq).Skip(5).FirstAsync();
        await db.AuditRecords.Where(a => a.Seq == victim.Seq).ExecuteDeleteAsync();

        var (exit, output) = await VerifyCliAsync();
        Assert.Equal(1, exit);
        Assert.Contains($"第 {victim.Seq} 条审计记录缺失", output);
    }

    [Fact]
    public async Task A_record_rewritten_with_a_fresh_hash_breaks_the_next_link()
    {
        await using var db = app.UnscopedDb();
        var victim = await db.AuditRecords.OrderBy(a => a.Seq).Skip(2).FirstAsync();
        victim.After = "{}";
        var forged = AuditChain.ComputeHash(victim);
        await db.AuditRecords.Where(a => a.Seq == victim.Seq)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.After, "{}").SetProperty(a => a.Hash, forged));

        var result = await app.Services.CreateScope().ServiceProvider.GetRequiredService<VerifyAudit>().RunAsync();
        Assert.Equal(victim.Seq + 1, result.BrokenAt);
    }
}

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
}
