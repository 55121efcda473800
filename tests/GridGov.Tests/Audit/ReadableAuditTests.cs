using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Identity;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace GridGov.Tests.Audit;

// The audit log as a person reads it: Chinese names, no secrets, China time, sign-ins as events of
// their own kind, filters and an export of exactly the filtered rows.
[Collection(NanjingCollection.Name)]
public sealed class ReadableAuditTests(GridGovApp app)
{
    const string Password = "Audit-readable-7q";
    static readonly string[] Latin = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedUserName", "NormalizedEmail", "AccessFailedCount", "RoleId"];

    async Task<(string Name, long Id)> UserAsync(HttpClient admin)
    {
        await using var db = app.UnscopedDb();
        var unit = (await db.Users.SingleAsync(u => u.UserName == "admin")).OrgUnitCode;
        var name = "ar_" + Guid.NewGuid().ToString("N")[..8];
        var r = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "审计测试", orgUnitCode = unit, dataScope = "UnitAndBelow", roles = new[] { "grid_worker" }, password = Password });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (name, (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetInt64());
    }

    static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    static async Task<List<IDictionary<string, object?>>> RowsAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }

    [Fact]
    public async Task Every_audited_entity_and_property_has_a_chinese_name_or_is_hidden()
    {
        await using var db = app.UnscopedDb();
        var missing = new List<string>();
        var audited = db.Model.GetEntityTypes().Where(e => AuditNaming.IsAudited(e.ClrType)).ToList();
        Assert.True(audited.Count >= 15, $"only {audited.Count} audited entity types found");
        foreach (var entity in audited)
        {
            var type = entity.ClrType.Name;
            if (AuditNaming.Find(type) is not { } names) { missing.Add($"{type} (the entity)"); continue; }
            if (!names.Name.Any(c => c >= '\u4e00')) missing.Add($"{type} (its name is not Chinese)");
            foreach (var p in entity.GetProperties())
            {
                if (AuditNaming.IsHidden(type, p.Name)) continue;
                var name = AuditNaming.PropertyName(type, p.Name);
                if (name == p.Name || !name.Any(c => c >= '\u4e00')) missing.Add($"{type}.{p.Name}");
            }
        }
        Assert.True(missing.Count == 0, "No Chinese display name (declare one, or hide the column): " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Sign_in_success_failure_and_throttling_are_events_of_their_own_kind_with_the_account()
    {
        using var admin = await app.ClientForAsync("admin");
        var (name, id) = await UserAsync(admin);
        using var anon = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = "wrong-Password-1" })).StatusCode);
        await using (var before = app.UnscopedDb())
        {
            var updates = await before.AuditRecords.CountAsync(a => a.EntityType == "AppUser" && a.EntityKey == id.ToString() && a.Action == "Update");
            using var signedIn = await app.ClientForAsync(name, Password);
            Assert.Equal(HttpStatusCode.NoContent, (await signedIn.PostAsync("/api/v1/auth/logout", null)).StatusCode);
            // The last-login time is no separate change of the account.
            await using var after = app.UnscopedDb();
            Assert.Equal(updates, await after.AuditRecords.CountAsync(a => a.EntityType == "AppUser" && a.EntityKey == id.ToString() && a.Action == "Update"));
            Assert.True(await after.Users.Where(u => u.Id == id).Select(u => u.LastLoginAt).SingleAsync() is not null);
        }
        // An unknown name: after the free failures, the attempts are throttled.
        var stranger = "nobody_" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 6; i++) await anon.PostAsJsonAsync("/api/v1/auth/token", new { userName = stranger, password = "x" });

        using var auditor = await app.ClientForAsync("auditor");
        var mine = Items(await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?actor={name}&pageSize=50"));
        Assert.Contains(mine, a => a.GetProperty("action").GetString() == "LoginFailed" && a.GetProperty("actionName").GetString() == "登录失败"
            && a.GetProperty("actorName").GetString() == name && a.GetProperty("summary").GetString()!.Contains("密码错误"));
        Assert.Contains(mine, a => a.GetProperty("actionName").GetString() == "登录成功" && a.GetProperty("actorId").GetInt64() == id
            && a.GetProperty("objectName").GetString() == $"用户「审计测试（{name}）」");
        Assert.Contains(mine, a => a.GetProperty("actionName").GetString() == "登出");
        Assert.DoesNotContain(mine, a => a.GetProperty("entityType").GetString() == "UserSession");
        var theirs = Items(await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?actor={stranger}&pageSize=50"));
        Assert.Equal(5, theirs.Count(a => a.GetProperty("actionName").GetString() == "登录失败"));
        var throttled = Assert.Single(theirs, a => a.GetProperty("actionName").GetString() == "限制登录");
        Assert.Equal(stranger, throttled.GetProperty("actorName").GetString());
        Assert.DoesNotContain(Items(await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?pageSize=200")), a => a.GetProperty("actorName").GetString() == "未登录访问");
    }

    [Fact]
    public async Task A_secret_never_appears_in_the_list_the_detail_or_the_export()
    {
        using var admin = await app.ClientForAsync("admin");
        var (name, id) = await UserAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/users/{id}/reset-password", null)).StatusCode);
        await using var db = app.UnscopedDb();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
        string[] secrets = [user.PasswordHash!, user.SecurityStamp!, user.ConcurrencyStamp!, user.NormalizedUserName!, "AQAAAA", "***"];

        using var auditor = await app.ClientForAsync("auditor");
        var query = $"entityType=AppUser&obj={id}";
        var list = await auditor.GetStringAsync($"/api/v1/audit?{query}&pageSize=200");
        var items = Items(JsonDocument.Parse(list).RootElement);
        Assert.Contains(items, a => a.GetProperty("action").GetString() == "Create");
        // The reset is recorded, the password only as "已设置".
        Assert.Contains(items, a => a.GetProperty("action").GetString() == "Update" && a.GetProperty("summary").GetString() == "密码：— → 已设置");
        var texts = new List<string> { list };
        // What a person reads (the summary, the detail's fields, the export's cells) names no column in Latin either.
        var readable = items.Select(a => a.GetProperty("summary").GetString()!).ToList();
        foreach (var a in items)
        {
            var detail = await auditor.GetStringAsync($"/api/v1/audit/{a.GetProperty("seq").GetInt64()}");
            texts.Add(detail);
            readable.Add(JsonDocument.Parse(detail).RootElement.GetProperty("fields").GetRawText());
        }
        var rows = await RowsAsync(await auditor.GetAsync($"/api/v1/audit/export?{query}"));
        var cells = rows.SelectMany(r => r.Values).Select(v => v?.ToString() ?? "").ToList();
        texts.AddRange(cells);
        readable.AddRange(cells);
        foreach (var secret in secrets) Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
        foreach (var column in Latin) Assert.DoesNotContain(readable, t => t.Contains(column, StringComparison.Ordinal));
        // A reset changes only hidden columns and the stamp: no record says nothing changed.
        Assert.All(items, a => Assert.NotEqual("", a.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task The_detail_reads_in_chinese_and_china_time()
    {
        using var admin = await app.ClientForAsync("admin");
        var (name, id) = await UserAsync(admin);
        await using var db = app.UnscopedDb();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
        var record = await db.AuditRecords.AsNoTracking().SingleAsync(a => a.EntityType == "AppUser" && a.EntityKey == id.ToString() && a.Action == "Create");

        using var auditor = await app.ClientForAsync("auditor");
        var detail = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit/{record.Seq}");
        var fields = detail.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("after").GetString()!);
        Assert.Equal(ChinaTime.Format(user.CreatedAt), fields["创建时间"]);
        Assert.Equal(ChinaTime.Format(record.At), detail.GetProperty("record").GetProperty("atText").GetString());
        Assert.Equal("否", fields["已停用"]);
        Assert.Equal("本单位及以下", fields["数据范围"]);
        Assert.Equal(name, fields["用户名"]);
        Assert.Equal("新增", detail.GetProperty("record").GetProperty("actionName").GetString());
        Assert.All(fields.Keys, k => Assert.Matches(@"[\u4e00-\u9fff]", k));
        // A role given to the account reads as "account → role".
        var roles = Items(await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=IdentityUserRole`1&obj={name}&pageSize=10"));
        Assert.Contains(roles, a => a.GetProperty("objectName").GetString()!.StartsWith($"用户角色「{name} → "));
    }

    [Fact]
    public async Task Filters_by_person_object_and_date_return_the_right_rows_and_the_export_exactly_those()
    {
        using var admin = await app.ClientForAsync("admin");
        var (name, id) = await UserAsync(admin);
        using var auditor = await app.ClientForAsync("auditor");

        var byActor = Items(await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?actor=admin&pageSize=200"));
        Assert.NotEmpty(byActor);
        Assert.All(byActor, a => Assert.Contains("admin", a.GetProperty("actorName").GetString()));

        // The object by its readable name, not only its key.
        var byObject = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=AppUser&obj={name}&pageSize=200");
        Assert.NotEmpty(Items(byObject));
        Assert.All(Items(byObject), a => Assert.Equal(id.ToString(), a.GetProperty("entityKey").GetString()));

        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(DateTime.UtcNow));
        var todays = Items(await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}&obj={name}&entityType=AppUser"));
        Assert.NotEmpty(todays);
        Assert.All(todays, a => Assert.Equal(today, DateOnly.FromDateTime(ChinaTime.FromUtc(a.GetProperty("at").GetDateTime().ToUniversalTime()))));
        var tomorrow = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?from={today.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(0, tomorrow.GetProperty("total").GetInt32());
        var yesterday = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?to={today.AddDays(-1):yyyy-MM-dd}&obj={name}&entityType=AppUser");
        Assert.Equal(0, yesterday.GetProperty("total").GetInt32());

        var backwards = await auditor.GetAsync($"/api/v1/audit?from={today:yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("开始日期不能晚于结束日期", await backwards.Content.ReadAsStringAsync());

        // The export holds exactly the filtered rows, all pages, with Chinese headers.
        var filter = $"actor=admin&entityType=AppUser&from={today:yyyy-MM-dd}";
        var page = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?{filter}&pageSize=200");
        var rows = await RowsAsync(await auditor.GetAsync($"/api/v1/audit/export?{filter}&page=3&pageSize=1"));
        Assert.Equal(["序号", "时间", "操作人", "来源 IP", "操作", "对象", "变更内容"], rows[0].Keys);
        Assert.Equal(page.GetProperty("total").GetInt32(), rows.Count);
        Assert.Equal(Items(page).Select(a => a.GetProperty("seq").GetInt64()), rows.Select(r => Convert.ToInt64(r["序号"])));
        Assert.Contains(rows, r => (string?)r["对象"] == $"用户「审计测试（{name}）」" && (string?)r["操作"] == "新增");
        await using var db = app.UnscopedDb();
        Assert.Contains((await db.AuditRecords.Where(a => a.Action == "Export" && a.EntityType == "AuditRecord").ToListAsync())
            .Select(a => JsonDocument.Parse(a.After!).RootElement.GetProperty("filter").GetString()), f => f!.Contains("操作人：admin"));
    }

    [Fact]
    public async Task Without_the_audit_permission_the_list_and_the_export_are_refused()
    {
        using var grid = await app.ClientForAsync("grid");
        Assert.Equal(HttpStatusCode.Forbidden, (await grid.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await grid.GetAsync("/api/v1/audit/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await grid.GetAsync("/api/v1/audit/1")).StatusCode);
    }
}
