using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace GridGov.Tests.Desk;

// GET /api/v1/users/export: the user list's filter, every page, in the caller's scope, audited.
[Collection(NanjingCollection.Name)]
public sealed class ExportUsersTests(GridGovApp app)
{
    async Task<HttpResponseMessage> GetAsync(string user, string url) => await (await app.ClientForAsync(user)).GetAsync(url);

    static async Task<List<IDictionary<string, object?>>> RowsAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }

    [Fact]
    public async Task The_export_holds_the_lists_rows_in_the_callers_scope()
    {
        // The street's demo accounts, as the list pages them.
        var list = (await (await app.ClientForAsync("admin")).GetFromJsonAsync<JsonElement>("/api/v1/users?unit=320102002&pageSize=2"));
        var total = list.GetProperty("total").GetInt32();
        Assert.True(total > 2);
        var rows = await RowsAsync(await GetAsync("admin", "/api/v1/users/export?unit=320102002&page=2&pageSize=2"));
        Assert.Equal(total, rows.Count);
        Assert.Contains(rows, r => (string?)r["用户名"] == "acceptor" && (string?)r["角色"] == "受理员" && (string?)r["状态"] == "正常");
        Assert.DoesNotContain(rows, r => (string?)r["用户名"] == "admin");
        Assert.Equal(["用户名", "姓名", "手机号", "所属单位", "部门", "角色", "数据范围", "状态", "最后登录", "创建时间"], rows[0].Keys);

        // A keyword narrows it; the street's administrator does not see the city's accounts.
        var found = await RowsAsync(await GetAsync("admin", "/api/v1/users/export?keyword=accept"));
        Assert.Contains(found, r => (string?)r["用户名"] == "acceptor");
        Assert.All(found, r => Assert.Contains("accept", $"{r["用户名"]}{r["姓名"]}"));
        Assert.DoesNotContain(await RowsAsync(await GetAsync("street", "/api/v1/users/export")), r => (string?)r["用户名"] == "admin");

        await using var db = app.UnscopedDb();
        Assert.Contains((await db.AuditRecords.Where(a => a.Action == "Export" && a.EntityType == "AppUser").ToListAsync())
            .Select(a => JsonDocument.Parse(a.After!).RootElement.GetProperty("filter").GetString()), f => f!.Contains("关键词：accept"));
    }

    [Fact]
    public async Task A_bad_sort_is_a_chinese_problem_and_the_export_needs_the_permission()
    {
        var bad = await GetAsync("admin", "/api/v1/users/export?sort=password");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("排序方式不存在", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("grid", "/api/v1/users/export")).StatusCode);
    }
}
