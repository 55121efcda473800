using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Intake;
using GridGov.Infrastructure.Files;
using GridGov.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GridGov.Features.Tickets.TicketAction;

namespace GridGov.Tests.Tickets;

// Intake (登记): idempotent by client request id, checked field by field in Chinese, photos taken by
// their bytes, the grid found from the point, self-handling on the spot.
[Collection(NanjingCollection.Name)]
public sealed class IntakeTests(GridGovApp app)
{
    readonly TicketKit kit = new(app);

    async Task<int> CountWithRequestId(string requestId)
    {
        await using var db = app.UnscopedDb();
        return await db.Tickets.CountAsync(t => t.ClientRequestId == requestId);
    }

    async Task<object> Body(string requestId, string description = "长江路上水井盖缺失（重试）")
    {
        var (lon, lat) = await kit.PointAsync();
        return new { clientRequestId = requestId, categoryCode = "C0101", description, lon, lat };
    }

    static async Task<CreateTicketResult> Result(HttpResponseMessage r) => (await r.Content.ReadFromJsonAsync<CreateTicketResult>(TicketKit.Json))!;

    [Fact]
    public async Task A_retried_submission_returns_the_same_ticket_with_200_and_creates_no_second_row()
    {
        var requestId = Guid.NewGuid().ToString();
        var first = await kit.PostReportAsync("grid", await Body(requestId));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = await Result(first);
        Assert.False(created.Existing);
        Assert.Equal($"/api/v1/tickets/{created.Ticket.Id}", first.Headers.Location!.OriginalString);
        var count = await kit.TicketCountAsync();

        // Even if the retry carries a changed body, the first submission stands.
        var again = await kit.PostReportAsync("grid", await Body(requestId, "另一段描述"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var returned = await Result(again);
        Assert.True(returned.Existing);
        Assert.Equal(created.Ticket.Id, returned.Ticket.Id);
        Assert.Equal("长江路上水井盖缺失（重试）", returned.Ticket.Description);
        Assert.Equal(count, await kit.TicketCountAsync());
        Assert.Equal(1, await CountWithRequestId(requestId));

        // A retry that would now be refused (the description lost on the way) still finds its ticket.
        var broken = await kit.PostReportAsync("grid", await Body(requestId, ""));
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Equal(created.Ticket.Id, (await Result(broken)).Ticket.Id);
        // Another reporter's request id is their own: the same id from someone else is a new report.
        var other = await kit.PostReportAsync("street", await Body(requestId));
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.NotEqual(created.Ticket.Id, (await Result(other)).Ticket.Id);
    }

    [Fact]
    public async Task Ten_concurrent_identical_submissions_make_exactly_one_ticket()
    {
        var requestId = Guid.NewGuid().ToString();
        var body = await Body(requestId);
        var grid = await kit.As("grid");
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => grid.PostAsJsonAsync("/api/v1/tickets", body, TicketKit.Json)));
        var codes = responses.Select(r => r.StatusCode).ToList();
        Assert.True(codes.All(c => c is HttpStatusCode.Created or HttpStatusCode.OK), string.Join(",", codes));
        Assert.Equal(1, codes.Count(c => c == HttpStatusCode.Created));
        var ids = (await Task.WhenAll(responses.Select(Result))).Select(r => r.Ticket.Id).Distinct().ToList();
        Assert.Single(ids);
        Assert.Equal(1, await CountWithRequestId(requestId));
    }

    [Fact]
    public async Task The_same_request_id_from_two_reporters_makes_two_tickets()
    {
        var requestId = Guid.NewGuid().ToString();
        var a = await kit.PostReportAsync("grid", await Body(requestId));
        var b = await kit.PostReportAsync("street", await Body(requestId));
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (a.StatusCode, b.StatusCode));
        var (ta, tb) = ((await Result(a)).Ticket, (await Result(b)).Ticket);
        Assert.NotEqual(ta.Id, tb.Id);
        Assert.NotEqual(ta.ReporterId, tb.ReporterId);
        Assert.Equal(2, await CountWithRequestId(requestId));
    }

    public static TheoryData<string, string, string> BadReports() => new()
    {
        // case, field, message
        { "unknown-category", "categoryCode", "事件分类“Z9999”不存在或已停用，请选择小类" },
        { "major-category", "categoryCode", "事件分类“E01”不存在或已停用，请选择小类" },
        { "no-category", "categoryCode", "请选择事件分类" },
        { "empty-description", "description", "请填写问题描述" },
        { "blank-description", "description", "请填写问题描述" },
        { "long-description", "description", "问题描述不能超过 1000 字（现有 1001 字）" },
        { "outside-the-city", "lon", "位置（100.000000, 30.000000）不在任何网格内，请核对定位" },
        { "lon-without-lat", "lat", "经度和纬度须同时填写" },
        { "no-place", "lon", "请在地图上选择位置，或指定所在网格" },
        { "unknown-grid", "gridCode", "网格 320102002001999 不存在或不在您的管理范围内" },
        { "photo-never-uploaded", "photos", "照片 0123456789ab… 不存在，请重新上传" },
        { "self-handle-without-photo", "photos", "自行处置须附处置后的照片" },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public async Task A_bad_report_creates_nothing_and_names_the_field_in_Chinese(string name, string field, string message)
    {
        var (lon, lat) = await kit.PointAsync();
        var requestId = Guid.NewGuid().ToString();
        var fine = new Dictionary<string, object?>
        {
            ["clientRequestId"] = requestId, ["categoryCode"] = "C0101", ["description"] = "长江路上水井盖缺失", ["lon"] = lon, ["lat"] = lat,
        };
        var change = name switch
        {
            "unknown-category" => new Dictionary<string, object?> { ["categoryCode"] = "Z9999" },
            "major-category" => new() { ["categoryCode"] = "E01" },
            "no-category" => new() { ["categoryCode"] = null },
            "empty-description" => new() { ["description"] = "" },
            "blank-description" => new() { ["description"] = "   " },
            "long-description" => new() { ["description"] = new string('井', 1001) },
            "outside-the-city" => new() { ["lon"] = 100.0, ["lat"] = 30.0 },
            "lon-without-lat" => new() { ["lat"] = null },
            "no-place" => new() { ["lon"] = null, ["lat"] = null },
            "unknown-grid" => new() { ["lon"] = null, ["lat"] = null, ["gridCode"] = 320102002001999 },
            "photo-never-uploaded" => new() { ["photos"] = new[] { "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" } },
            "self-handle-without-photo" => new() { ["selfHandle"] = true },
            _ => throw new ArgumentException(name),
        };
        foreach (var (k, v) in change) fine[k] = v;

        var before = await kit.TicketCountAsync();
        var response = await kit.PostReportAsync("grid", fine);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType!.ToString());
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.Equal("提交的数据有误", problem.Title);
        Assert.Equal([field], problem.Errors.Keys);
        Assert.Equal([message], problem.Errors[field]);
        Assert.Equal(before, await kit.TicketCountAsync());
        Assert.Equal(0, await CountWithRequestId(requestId));
    }

    [Fact]
    public async Task The_grid_is_found_from_the_point()
    {
        var t = await kit.ReportAsync();
        Assert.Equal(TicketKit.Grid, t.GridCode);
        Assert.Equal("梅园新村社区第1网格", t.GridName);
        Assert.Equal((TicketKit.Street, "梅园新村街道"), (t.CentreCode, t.CentreName));
        Assert.Equal((TicketState.Reported, TicketSource.Patrol), (t.State, t.Source));
        Assert.Equal([Report], t.Timeline.Select(e => e.Action));
        Assert.Equal($"{t.ReportedAt.AddHours(8):yyyyMMdd}{t.Id:D7}", t.Number);
        // Another grid of the street, found from its own point.
        var other = await kit.ReportAsync(user: "street", at: await kit.PointOfAsync(320102002002001));
        Assert.Equal(320102002002001, other.GridCode);
        Assert.Equal(TicketSource.Staff, other.Source);
    }

    [Fact]
    public async Task Photos_are_taken_by_their_bytes_up_to_10_MB()
    {
        var grid = await kit.As("grid");
        var files = app.Services.GetRequiredService<FileStore>();

        var text = await TestPhotos.PostAsync(grid, "hello"u8.ToArray(), "x.jpg");
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        var problem = (await text.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.Equal(["x.jpg：只能上传 JPEG、PNG 或 WebP 格式的照片"], problem.Errors["file"]);
        Assert.False(files.Exists(Hash("hello"u8.ToArray())));

        var huge = TestPhotos.Png().Concat(new byte[FileStore.MaxPhotoBytes]).ToArray();
        var tooBig = await TestPhotos.PostAsync(grid, huge, "big.png");
        Assert.Contains(tooBig.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge });
        if (tooBig.StatusCode == HttpStatusCode.BadRequest)
            Assert.Equal(["big.png：照片不能超过 10 MB"], (await tooBig.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["file"]);
        Assert.False(files.Exists(Hash(huge)));

        var png = TestPhotos.Png((byte)Random.Shared.Next(256));
        var ok = await TestPhotos.PostAsync(grid, png, "photo.png");
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var stored = (await ok.Content.ReadFromJsonAsync<StoredFile>())!;
        // Stored as the JPEG it was re-encoded to (PhotoTests), under that JPEG's hash.
        Assert.Equal("image/jpeg", stored.ContentType);
        Assert.NotEqual(Hash(png), stored.Id);
        Assert.True(files.Exists(stored.Id));

        // Served through a ticket that has it, and only through one.
        var t = await kit.ReportAsync(photos: [stored.Id]);
        Assert.Equal([stored.Id], t.Photos);
        var served = await grid.GetAsync($"/api/v1/tickets/{t.Id}/photos/{stored.Id}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(stored.Id, Hash(await served.Content.ReadAsByteArrayAsync()));

        var elsewhere = await TestPhotos.UploadAsync(grid);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.GetAsync($"/api/v1/tickets/{t.Id}/photos/{elsewhere}")).StatusCode);
        var other = await kit.ReportAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await grid.GetAsync($"/api/v1/tickets/{other.Id}/photos/{stored.Id}")).StatusCode);
    }

    [Fact]
    public async Task Self_handled_at_intake_goes_straight_to_verification_with_the_photo()
    {
        var photo = await TestPhotos.UploadAsync(await kit.As("grid"));
        var (lon, lat) = await kit.PointAsync();
        var response = await kit.PostReportAsync("grid", new
        {
            categoryCode = "E0201", description = "电线杆上的小广告已当场清除", lon, lat, photos = new[] { photo }, selfHandle = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var t = (await Result(response)).Ticket;
        Assert.Equal(TicketState.Handled, t.State);
        Assert.True(t.SelfHandled);
        Assert.Equal("电线杆上的小广告已当场清除", t.Result);
        Assert.Equal([(Report, TicketState.Reported, TicketState.Reported), (SelfHandle, TicketState.Reported, TicketState.Handled)],
            t.Timeline.Select(e => (e.Action, e.From, e.To)));
        Assert.Equal([photo], t.Photos);
        Assert.Null(t.LeadDepartmentId);
        // Checked by a colleague, not by the one who handled it (ADR 0008).
        Assert.DoesNotContain(t.Actions, a => a.Action is VerifyPass or VerifyFail);
        Assert.NotNull(t.DueAt);
    }

    static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
