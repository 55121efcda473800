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

// Cutting the tail, the anchor file and the key: truncation, a missing or edited anchor, a missing
// or wrong key, a forged key start, and a restart on the same data folder.
public sealed class AuditAnchorTests : AuditTampering
{
    [Fact]
    public async Task Deleting_the_newest_records_is_reported_as_a_truncated_tail()
    {
        await AddRolesAsync("tail", 3);
        Assert.Equal(AnchorOutcome.Anchored, await AnchorAsync(app));
        long head;
        await using (var db = app.UnscopedDb())
        {
            head = await db.AuditRecords.MaxAsync(a => a.Seq);
            // The newest three records and the head counter, as if they had never been written.
            await db.AuditRecords.Where(a => a.Seq > head - 3).ExecuteDeleteAsync();
            await db.AuditHeads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Version, h => h.Version - 3));
        }

        var (exit, output) = await VerifyCliAsync();
        Assert.Equal(1, exit);
        Assert.Contains("审计链末尾被截断", output);
        Assert.Contains($"第 {head - 2}–{head} 条被删除", output);
        Assert.Equal(AuditFault.Truncated, (await VerifyAsync(app)).Fault);

        // Anchoring refuses to move the anchor back, so the cut stays visible.
        Assert.Equal(AnchorOutcome.Refused, await AnchorAsync(app));
        Assert.Equal(head, AuditAnchor.Read(AnchorFile, null).Anchor!.Seq);
    }

    [Fact]
    public async Task A_cut_tail_written_over_by_new_records_is_still_reported()
    {
        await AddRolesAsync("tail", 3);
        await AnchorAsync(app);
        long head;
        await using (var db = app.UnscopedDb())
        {
            head = await db.AuditRecords.MaxAsync(a => a.Seq);
            await db.AuditRecords.Where(a => a.Seq > head - 3).ExecuteDeleteAsync();
        }
        // The application keeps writing (correctly keyed) after the cut, past the anchored seq.
        await AddRolesAsync("after", 5);

        var result = await VerifyAsync(app);
        Assert.Equal(AuditFault.AnchorMismatch, result.Fault);
        Assert.Equal(head, result.BrokenAt);
        Assert.Contains($"第 {head} 条审计记录与锚点", result.Message);
        Assert.Equal(AnchorOutcome.Refused, await AnchorAsync(app));
    }

    [Fact]
    public async Task An_edited_anchor_file_is_reported()
    {
        var text = await File.ReadAllTextAsync(AnchorFile);
        var doc = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(text)!;
        var seq = doc["seq"].GetInt64();
        await File.WriteAllTextAsync(AnchorFile, text.Replace($"\"seq\": {seq}", $"\"seq\": {seq + 100}"));

        var (exit, output) = await VerifyCliAsync();
        Assert.Equal(1, exit);
        Assert.Contains("锚点文件", output);
        Assert.Contains("被改动", output);
    }

    [Fact]
    public async Task The_key_is_in_no_database_column_and_its_file_is_the_owners_only()
    {
        await AddRolesAsync("keyed", 2);
        var base64 = (await File.ReadAllTextAsync(KeyFile)).Trim();
        var bytes = Convert.FromBase64String(base64);
        string[] forms = [base64, Convert.ToHexStringLower(bytes), Convert.ToHexString(bytes)];

        await using var db = app.UnscopedDb();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        var columns = 0;
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var texts = entity.GetProperties().Where(p => p.ClrType == typeof(string)).Select(p => p.GetColumnName()).ToList();
            if (texts.Count == 0) continue;
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT {string.Join(", ", texts.Select(c => $"\"{c}\""))} FROM \"{entity.GetTableName()}\"";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                    if (!reader.IsDBNull(i))
                        foreach (var form in forms) Assert.DoesNotContain(form, reader.GetString(i));
            columns += texts.Count;
        }
        Assert.True(columns > 20);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
    }

    [Fact]
    public async Task After_a_restart_on_the_same_data_folder_the_chain_still_verifies_and_grows_with_the_same_key()
    {
        var key = await File.ReadAllTextAsync(KeyFile);
        await using var restarted = new ReopenedApp(app);
        var first = await VerifyAsync(restarted);
        Assert.True(first.Intact, first.Message);

        await using (var db = restarted.UnscopedDb())
        {
            db.Roles.Add(new AppRole { Name = "after_restart", NormalizedName = "AFTER_RESTART", DisplayName = "重启后" });
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.AuditRecords.CountAsync(a => a.Action == AuditChain.KeyStartAction));
        }
        Assert.Equal(AnchorOutcome.Anchored, await AnchorAsync(restarted));
        var (exit, output) = await VerifyCliAsync(restarted);
        Assert.True(exit == 0, output);
        Assert.Equal(key, await File.ReadAllTextAsync(KeyFile));
    }

    [Fact]
    public async Task Without_the_key_verify_audit_says_the_key_is_missing()
    {
        await using var restarted = new ReopenedApp(app, ("GridGov:AuditKeyFile", Path.Combine(app.DataDir, "elsewhere", "audit.key")));
        var (exit, output) = await VerifyCliAsync(restarted);
        Assert.Equal(1, exit);
        Assert.Contains("审计密钥缺失", output);
        Assert.Equal(AuditFault.KeyMissing, (await VerifyAsync(restarted)).Fault);
    }

    [Fact]
    public async Task With_another_key_verify_audit_says_the_key_is_wrong()
    {
        await using var restarted = new ReopenedApp(app, ("GridGov:AuditKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        var (exit, output) = await VerifyCliAsync(restarted);
        Assert.Equal(1, exit);
        Assert.Contains("审计密钥不符", output);
        Assert.Contains("要么当前密钥不对，要么锚点文件和这些记录是伪造的", output);
        Assert.Equal(AuditFault.KeyMismatch, (await VerifyAsync(restarted)).Fault);
        Assert.Equal(AnchorOutcome.Refused, await AnchorAsync(restarted)); // the old anchor is kept
    }

    [Fact]
    public async Task A_chain_from_before_keying_still_verifies_and_is_keyed_from_its_next_write()
    {
        // A database and data folder as this version finds them: plain SM3 links, no key, no anchor.
        await using (var db = app.UnscopedDb())
            await db.AuditRecords.Where(a => a.Seq == 1).ExecuteUpdateAsync(s => s.SetProperty(a => a.Action, "Update"));
        await RewriteFromAsync(1, AuditChain.ComputeHash);
        File.Delete(KeyFile);
        File.Delete(AnchorFile);
        long legacy;
        await using (var db = app.UnscopedDb()) legacy = await db.AuditRecords.MaxAsync(a => a.Seq);

        await using var upgraded = new ReopenedApp(app);
        var before = await VerifyAsync(upgraded);
        Assert.True(before.Intact, before.Message);
        Assert.Contains("尚未启用审计密钥", before.Message);

        await using (var db = upgraded.UnscopedDb())
        {
            db.Roles.Add(new AppRole { Name = "after_upgrade", NormalizedName = "AFTER_UPGRADE", DisplayName = "升级后" });
            await db.SaveChangesAsync();
            var start = await db.AuditRecords.SingleAsync(a => a.Action == AuditChain.KeyStartAction);
            Assert.Equal(legacy + 1, start.Seq);
        }
        Assert.Equal(AnchorOutcome.Anchored, await AnchorAsync(upgraded));
        var after = await VerifyAsync(upgraded);
        Assert.True(after.Intact, after.Message);
        Assert.Contains($"第 1–{legacy} 条为启用审计密钥前的记录", after.Message);
    }

    static Task<(int Exit, string Output)> ReanchorCliAsync(GridGovApp on) => RunCliAsync(on, "reanchor-audit");

    static async Task<(int Exit, string Output)> RunCliAsync(GridGovApp on, string command)
    {
        var output = new StringWriter();
        return (await Commands.RunAsync(on.Services, command, [], output), output.ToString());
    }

    [Fact]
    public async Task A_cut_tail_with_the_anchor_file_removed_is_a_fault_and_not_anchored_afresh_later()
    {
        await AddRolesAsync("tail", 3);
        Assert.Equal(AnchorOutcome.Anchored, await AnchorAsync(app));
        long head;
        await using (var db = app.UnscopedDb())
        {
            head = await db.AuditRecords.MaxAsync(a => a.Seq);
            await db.AuditRecords.Where(a => a.Seq > head - 3).ExecuteDeleteAsync();
        }
        File.Delete(AnchorFile);

        var (exit, output) = await VerifyCliAsync();
        Assert.Equal(1, exit);
        Assert.Contains("未找到锚点文件", output);
        Assert.Contains("无法排除末尾记录被删除", output);
        Assert.Equal(AuditFault.AnchorMissing, (await VerifyAsync(app)).Fault);

        // Restarted days after the chain was keyed: the anchoring does not take the cut chain as its own.
        await using var later = new ReopenedApp(app) { Later = TimeSpan.FromDays(3) };
        Assert.Equal(AnchorOutcome.Refused, await AnchorAsync(later));
        Assert.False(File.Exists(AnchorFile));
        (exit, output) = await VerifyCliAsync(later);
        Assert.Equal(1, exit);
        Assert.Contains("未找到锚点文件", output);

        // The operator's deliberate step anchors again; an existing anchor file is never replaced by it.
        (exit, output) = await ReanchorCliAsync(later);
        Assert.True(exit == 0, output);
        Assert.Contains($"第 {head - 3} 条", output);
        Assert.Equal(head - 3, AuditAnchor.Read(AnchorFile, null).Anchor!.Seq);
        Assert.Equal(0, (await VerifyCliAsync(later)).Exit);
        Assert.Equal(1, (await ReanchorCliAsync(later)).Exit);
    }

    [Fact]
    public async Task An_emptied_chain_with_the_anchor_file_removed_is_a_fault()
    {
        await using (var db = app.UnscopedDb()) await db.AuditRecords.ExecuteDeleteAsync();
        File.Delete(AnchorFile);

        var (exit, output) = await VerifyCliAsync();
        Assert.Equal(1, exit);
        Assert.Contains("审计链为空，但审计密钥文件已存在", output);
        Assert.Contains("无法排除末尾记录被删除", output);
        Assert.Equal(AnchorOutcome.Empty, await AnchorAsync(app));
        Assert.False(File.Exists(AnchorFile));
    }

    [Fact]
    public async Task A_key_start_given_another_key_id_is_named_as_altered_with_the_next_altered_record()
    {
        long victim;
        await using (var db = app.UnscopedDb())
        {
            victim = await db.AuditRecords.OrderBy(a => a.Seq).Skip(4).Select(a => a.Seq).FirstAsync();
            await db.AuditRecords.Where(a => a.Seq == 1).ExecuteUpdateAsync(s => s.SetProperty(a => a.EntityKey, "deadbeefdeadbeef"));
            await db.AuditRecords.Where(a => a.Seq == victim).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, "nobody"));
        }

        var (exit, output) = await VerifyCliAsync();
        Assert.Equal(1, exit);
        Assert.Contains("第 1 条审计记录（启用审计密钥）被篡改", output);
        Assert.Contains("deadbeefdeadbeef", output);
        Assert.Contains($"此外第 {victim} 条审计记录也被篡改", output);
        Assert.DoesNotContain("审计密钥不符", output);
        var result = await VerifyAsync(app);
        Assert.Equal((AuditFault.Altered, 1L), (result.Fault!.Value, result.BrokenAt!.Value));
    }

    [Fact]
    public async Task A_key_start_of_another_key_appended_after_the_anchor_is_named_as_forged()
    {
        // A key-start for a key the application never had, and a record "signed" with it.
        var fake = AuditKey.New();
        long first;
        await using (var db = app.UnscopedDb())
        {
            var last = await db.AuditRecords.OrderByDescending(a => a.Seq).FirstAsync();
            var start = AuditChain.KeyStart(fake, last.EntityKey, last.At);
            var forged = new AuditRecord { At = last.At, ActorName = "admin", Action = "Delete", EntityType = "AppRole", EntityKey = "7" };
            var prev = last.Hash;
            var seq = first = last.Seq + 1;
            foreach (var r in new[] { start, forged })
            {
                r.Seq = seq++;
                r.PrevHash = prev;
                r.Hash = prev = AuditChain.ComputeHash(r, fake);
            }
            db.AuditRecords.AddRange(start, forged);
            await db.SaveChangesAsync();
        }

        var (exit, output) = await VerifyCliAsync();
        Assert.Equal(1, exit);
        Assert.Contains($"第 {first}–{first + 1} 条审计记录是伪造的", output);
        Assert.Contains(fake.Id, output);
        Assert.DoesNotContain("审计密钥不符", output);
        var result = await VerifyAsync(app);
        Assert.Equal((AuditFault.Altered, first), (result.Fault!.Value, result.BrokenAt!.Value));
        Assert.Equal(AnchorOutcome.Refused, await AnchorAsync(app));
    }
}
