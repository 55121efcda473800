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

// Records altered, deleted or re-hashed through the database are named by verify-audit.
public sealed class AuditChainTests : AuditTampering
{
    [Fact]
    public async Task Every_write_is_chained_with_the_key_and_an_untouched_chain_verifies_against_its_anchor()
    {
        await using var db = app.UnscopedDb();
        var records = await db.AuditRecords.OrderBy(a => a.Seq).ToListAsync();
        Assert.NotEmpty(records);
        Assert.True(AuditChain.IsKeyStart(records[0]));
        Assert.Equal(app.Services.GetRequiredService<GridDatabase>().AuditKeys.Load()!.Id, records[0].EntityKey);
        Assert.Contains(records, r => r.EntityType == "AppRole" && r.Action == "Create" && r.After!.Contains("city_admin"));
        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Seq));
        Assert.All(records.Skip(1).Zip(records), p => Assert.Equal(p.Second.Hash, p.First.PrevHash));
        Assert.DoesNotContain(records, r => r.Hash == AuditChain.ComputeHash(r)); // not plain SM3

        var anchor = AuditAnchor.Read(AnchorFile, app.Services.GetRequiredService<GridDatabase>().AuditKeys.Load());
        Assert.Equal(AnchorStatus.Valid, anchor.Status);
        Assert.Equal(records[^1].Seq, anchor.Anchor!.Seq);
        Assert.Equal(records[^1].Hash, anchor.Anchor.Hash);

        var (exit, output) = await VerifyCliAsync();
        Assert.Equal(0, exit);
        Assert.Contains("审计链完整", output);
        Assert.Contains($"与锚点（第 {records[^1].Seq} 条", output);
    }

    [Fact]
    public async Task The_anchor_follows_new_writes_and_stays_when_nothing_changed()
    {
        Assert.Equal(AnchorOutcome.Unchanged, await AnchorAsync(app));
        await AddRolesAsync("later", 2);
        Assert.Equal(AnchorOutcome.Anchored, await AnchorAsync(app));
        await using var db = app.UnscopedDb();
        var head = await db.AuditRecords.OrderByDescending(a => a.Seq).FirstAsync();
        var (anchor, _) = AuditAnchor.Read(AnchorFile, app.Services.GetRequiredService<GridDatabase>().AuditKeys.Load());
        Assert.Equal((head.Seq, head.Hash), (anchor!.Seq, anchor.Hash));
        Assert.True((await VerifyAsync(app)).Intact);
    }

    [Fact]
    public async Task Concurrent_writers_keep_one_unbroken_chain()
    {
        // 24 writes at once from separate contexts, as 24 requests would make them.
        var database = app.Services.GetRequiredService<GridDatabase>();
        await Parallel.ForEachAsync(Enumerable.Range(1, 24), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            await using var db = database.CreateUnscoped(new AuditActor(null, $"writer-{i}", 0, null));
            db.Roles.Add(new AppRole { Name = $"concurrent_{i}", NormalizedName = $"CONCURRENT_{i}", DisplayName = $"并发{i}" });
            await db.SaveChangesAsync(ct);
        });

        Assert.Equal(AnchorOutcome.Anchored, await AnchorAsync(app));
        var result = await VerifyAsync(app);
        Assert.True(result.Intact, result.Message);
        await using var check = app.UnscopedDb();
        Assert.Equal(24, await check.AuditRecords.CountAsync(a => a.ActorName.StartsWith("writer-")));
        Assert.Equal(1, await check.AuditRecords.CountAsync(a => a.Action == AuditChain.KeyStartAction));
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
        var result = await VerifyAsync(app);
        Assert.Equal(victim.Seq, result.BrokenAt);
        Assert.Equal(AuditFault.Altered, result.Fault);
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

    public static TheoryData<string> Forgers => ["sm3", "wrong-key"];

    [Theory]
    [MemberData(nameof(Forgers))]
    public async Task A_record_altered_and_rehashed_with_every_later_one_is_named_by_verify_audit(string forger)
    {
        var wrongKey = AuditKey.New();
        Func<AuditRecord, string> hash = forger == "sm3" ? AuditChain.ComputeHash : r => AuditChain.ComputeHash(r, wrongKey);
        long victim;
        await using (var db = app.UnscopedDb())
            victim = await db.AuditRecords.OrderBy(a => a.Seq).Skip(3).Select(a => a.Seq).FirstAsync();
        await RewriteFromAsync(victim, hash);

        var (exit, output) = await VerifyCliAsync();
        Assert.Equal(1, exit);
        Assert.Contains($"第 {victim} 条审计记录被篡改", output);
        Assert.Contains("其后的记录以它为前序，同样不可信", output);
        var result = await VerifyAsync(app);
        Assert.Equal(victim, result.BrokenAt);
        // The anchoring does not take the rewritten chain as its own.
        Assert.Equal(AnchorOutcome.Refused, await AnchorAsync(app));
    }

    [Fact]
    public async Task The_whole_chain_rewritten_with_plain_sm3_is_named_at_its_first_record()
    {
        await RewriteFromAsync(1, AuditChain.ComputeHash);
        var result = await VerifyAsync(app);
        Assert.Equal(1, result.BrokenAt);
        Assert.Contains("第 1 条审计记录（启用审计密钥）被篡改", result.Message);
    }

    [Fact]
    public async Task Stripping_the_key_start_and_rehashing_with_plain_sm3_is_caught_by_the_anchor()
    {
        await using (var db = app.UnscopedDb())
            await db.AuditRecords.Where(a => a.Seq == 1).ExecuteUpdateAsync(s => s.SetProperty(a => a.Action, "Update"));
        await RewriteFromAsync(1, AuditChain.ComputeHash);

        var (exit, output) = await VerifyCliAsync();
        Assert.Equal(1, exit);
        Assert.Contains("第 1 条审计记录被篡改", output);
    }
}
