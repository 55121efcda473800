using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Tickets;
using GridGov.Infrastructure.Export;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace GridGov.Tests.Tickets;

// GET /api/v1/tickets/export: every row of the list's filter (all pages), in the caller's scope,
// with Chinese headers, audited as one Export record; a bad query is a Chinese ProblemDetails.
[Collection(NanjingCollection.Name)]
public sealed class ExportTicketsTests(GridGovApp app)
{
    // A grid of 梅园新村街道 that no other test reports in, and one of 秦淮区, outside the street.
    const long ExportGrid = 320102002012001, QinhuaiGrid = 320104001006001;
    readonly TicketKit kit = new(app);

    static string Marker() => "导出" + Guid.NewGuid().ToString("N")[..8];

    async Task<List<IDictionary<string, object?>>> ExportAsync(string user, string query)
    {
        var response = await (await kit.As(user)).GetAsync($"/api/v1/tickets/export?{query}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(XlsxExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.StartsWith("工单-", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }

    [Fact]
    public async Task The_export_holds_every_filtered_row_of_every_page_in_the_callers_scope_and_is_audited()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var marker = "导出" + id;
        var at = await kit.PointOfAsync(ExportGrid);
        // More than one page (the list's page is at most 100), of two sources; one reported elsewhere.
        var hotline = new List<TicketDetail>();
        for (var i = 0; i < 23; i++)
        {
            var r = await kit.PostReportAsync("street", new { categoryCode = "E0102", description = $"兰园小区暴露垃圾{marker}第{i}处", address = $"兰园小区{i}号", at.Lon, at.Lat, source = TicketSource.Hotline });
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
            hotline.Add((await r.Content.ReadFromJsonAsync<GridGov.Features.Tickets.Intake.CreateTicketResult>(TicketKit.Json))!.Ticket);
        }
        await kit.PostReportAsync("street", new { categoryCode = "E0102", description = $"兰园小区暴露垃圾{marker}巡查", at.Lon, at.Lat, source = TicketSource.Patrol });
        await kit.ReportAsync(user: "admin", category: "E0102", description: $"秦淮区暴露垃圾{marker}", at: await kit.PointOfAsync(QinhuaiGrid));

        var rows = await ExportAsync("street", $"queue=All&source=Hotline&keyword={marker}&pageSize=5&page=2");
        Assert.Equal(hotline.Select(t => t.Number).Order(), rows.Select(r => r["编号"]?.ToString()).Order());
        Assert.Equal(["编号", "类别", "描述", "地址", "网格", "状态", "来源", "紧急", "督办", "上报时间", "时限", "是否超期", "主办部门"], rows[0].Keys);
        var first = rows.Single(r => (string?)r["编号"] == hotline[0].Number);
        Assert.Equal("12345热线", first["来源"]);
        Assert.Equal("待受理", first["状态"]);
        Assert.Equal("兰园小区0号", first["地址"]);
        Assert.Equal(hotline[0].GridName, first["网格"]);
        Assert.Equal("否", first["是否超期"]);
        Assert.Equal(GridGov.Infrastructure.ChinaTime.Format(hotline[0].ReportedAt), first["上报时间"]);
        // Newest first, as the list.
        Assert.Equal(hotline[^1].Number, rows[0]["编号"]);

        // The admin sees the other district's ticket too; the street does not.
        Assert.Equal(25, (await ExportAsync("admin", $"keyword={marker}&queue=All")).Count);
        Assert.Equal(24, (await ExportAsync("street", $"keyword={marker}&queue=All")).Count);
        // By its number: that ticket only.
        Assert.Equal([hotline[3].Number], (await ExportAsync("street", $"keyword={hotline[3].Number}&queue=All")).Select(r => r["编号"]));

        await using var db = app.UnscopedDb();
        // The filter is written in the list's own words (来源：热线…), as auditors read it.
        static string Filter(string after) => JsonDocument.Parse(after).RootElement.GetProperty("filter").GetString()!;
        var audit = Assert.Single(await db.AuditRecords.Where(a => a.Action == "Export" && a.EntityType == nameof(Ticket)).ToListAsync(),
            a => Filter(a.After!).Contains(id) && Filter(a.After!).Contains("来源：" + TicketNames.Source(TicketSource.Hotline)));
        Assert.Equal(23, JsonDocument.Parse(audit.After!).RootElement.GetProperty("rows").GetInt32());
        Assert.Equal("工单", audit.EntityKey);
        // The audit record says which filter (the export's JSON escapes the Chinese marker).
        Assert.Contains(marker, JsonDocument.Parse(audit.After!).RootElement.GetProperty("filter").GetString());
    }

    [Fact]
    public async Task An_empty_export_still_has_its_headers()
    {
        var response = await (await kit.As("street")).GetAsync($"/api/v1/tickets/export?keyword={Marker()}");
        response.EnsureSuccessStatusCode();
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var cells = MiniExcel.Query(file).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("编号", Assert.Single(cells)["A"]);
    }

    [Theory]
    [InlineData("from=1900-01-01", "from", "起始日期")]
    [InlineData("source=99", "source", "来源不存在")]
    [InlineData("sort=priority", "sort", "排序方式不存在")]
    public async Task A_bad_query_is_a_chinese_problem(string query, string field, string message)
    {
        var response = await (await kit.As("street")).GetAsync($"/api/v1/tickets/export?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Equal("提交的数据有误", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_export_needs_a_signed_in_ticket_worker()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/tickets/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await kit.As("auditor")).GetAsync("/api/v1/tickets/export")).StatusCode);
    }
}
