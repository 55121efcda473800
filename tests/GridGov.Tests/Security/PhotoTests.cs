using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Intake;
using GridGov.Infrastructure.Files;
using GridGov.Tests.Infrastructure;
using GridGov.Tests.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace GridGov.Tests.Security;

// Photos are decoded by an image library and stored as a JPEG of their own; only their uploader
// may attach them, and they are served as images only.
[Collection(NanjingCollection.Name)]
public sealed class PhotoTests(GridGovApp app)
{
    readonly TicketKit kit = new(app);

    int StoredFiles() => Directory.Exists(Path.Combine(app.DataDir, "files"))
        ? Directory.EnumerateFiles(Path.Combine(app.DataDir, "files"), "*", SearchOption.AllDirectories).Count() : 0;

    async Task<int> UploadRowsAsync()
    {
        await using var db = app.UnscopedDb();
        return await db.Set<PhotoUpload>().CountAsync();
    }

    public static IEnumerable<object[]> NotPhotos()
    {
        // An HTML page behind a JPEG header: passes a magic-byte check, fails to decode.
        byte[] polyglot = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8.ToArray(), 1, 1, 0, 0, 1, 0, 1, 0, 0,
            .. "<html><body><script>fetch('/api/v1/auth/me').then(r=>r.text()).then(alert)</script></body></html>"u8.ToArray()];
        yield return ["polyglot.jpg", polyglot, "无法识别"];
        // A PNG whose header claims 100000×100000 pixels (40 GB decoded).
        yield return ["huge.png", Claiming(TestPhotos.Png(), 100_000, 100_000), "过大"];
        yield return ["wide.png", Claiming(TestPhotos.Png(), 12_001, 1), "过大"];
        yield return ["many.png", Claiming(TestPhotos.Png(), 7_000, 7_000), "过大"];
        // A PNG is decoded whole: one over 4096² pixels (here the 6324×6324 of zeros) is refused unread.
        yield return ["zeros.png", Claiming(TestPhotos.Png(), 6_324, 6_324), "16 百万"];
        // A large PNG (decoded, then scaled down) cut in half.
        var big = TestPhotos.Image(SKEncodedImageFormat.Png, 5_000, 60);
        yield return ["cut-big.png", big[..(big.Length / 2)], "损坏"];
        // A real JPEG cut in half.
        var jpeg = TestPhotos.Image(SKEncodedImageFormat.Jpeg, 256, 256);
        yield return ["cut.jpg", jpeg[..(jpeg.Length / 2)], "损坏"];
        // A GIF (decodable, but not a photo format we take) and a WebP header with nothing behind it.
        yield return ["anim.gif", "GIF89a"u8.ToArray().Concat(new byte[64]).ToArray(), "只能上传"];
        yield return ["empty.webp", "RIFF\0\0\0\0WEBPVP8 "u8.ToArray(), "无法识别"];
    }

    [Theory]
    [MemberData(nameof(NotPhotos))]
    public async Task What_only_looks_like_a_photo_is_refused_and_nothing_is_stored(string name, byte[] bytes, string why)
    {
        var grid = await kit.As("grid");
        var (files, rows) = (StoredFiles(), await UploadRowsAsync());
        var response = await TestPhotos.PostAsync(grid, bytes, name);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        var message = Assert.Single(JsonSerializer.Deserialize<ValidationProblemDetails>(body, JsonSerializerOptions.Web)!.Errors["file"]);
        Assert.StartsWith($"{name}：", message);
        Assert.Contains(why, message);
        Assert.Equal((files, rows), (StoredFiles(), await UploadRowsAsync()));
    }

    [Fact]
    public async Task A_photo_is_stored_as_a_new_upright_jpeg_without_exif()
    {
        // 4×2 pixels stored sideways, with EXIF orientation 6 (turn 90° clockwise) and a GPS-like secret.
        var jpeg = WithExif(TestPhotos.Image(SKEncodedImageFormat.Jpeg, 4, 2), orientation: 6, extra: "GPS-32.0581N-118.7965E"u8.ToArray());
        using (var codec = SKCodec.Create(SKData.CreateCopy(jpeg)))
            Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin);
        var grid = await kit.As("grid");
        var id = await TestPhotos.UploadAsync(grid, jpeg, "side.jpg");
        var t = await kit.ReportAsync(photos: [id]);

        var served = await grid.GetAsync($"/api/v1/tickets/{t.Id}/photos/{id}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["nosniff"], served.Headers.GetValues("X-Content-Type-Options"));
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain("GPS-32.0581N", Encoding.Latin1.GetString(bytes));
        Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(bytes));
        using var stored = SKCodec.Create(SKData.CreateCopy(bytes));
        Assert.Equal(SKEncodedImageFormat.Jpeg, stored.EncodedFormat);
        Assert.Equal((2, 4), (stored.Info.Width, stored.Info.Height));
        Assert.Equal(SKEncodedOrigin.TopLeft, stored.EncodedOrigin);
    }

    public static IEnumerable<object[]> LargePhotos() =>
    [
        // PNG has no scaled decoding here: decoded whole, then shrunk.
        [SKEncodedImageFormat.Png, 5_000, 90, 4_096, 73],
        // JPEG decodes at k/8: 5/8 is the largest not over 4096.
        [SKEncodedImageFormat.Jpeg, 6_000, 200, 3_750, 125],
        [SKEncodedImageFormat.Webp, 90, 8_192, 45, 4_096],
    ];

    [Theory]
    [MemberData(nameof(LargePhotos))]
    public async Task A_large_photo_is_decoded_scaled_down_and_stored_at_most_4096_a_side(SKEncodedImageFormat format, int w, int h, int storedW, int storedH)
    {
        var grid = await kit.As("grid");
        var id = await TestPhotos.UploadAsync(grid, TestPhotos.Image(format, w, h), $"large.{format}".ToLowerInvariant());
        await using var stream = app.Services.GetRequiredService<FileStore>().Open(id);
        using var stored = SKCodec.Create(stream);
        Assert.Equal(SKEncodedImageFormat.Jpeg, stored.EncodedFormat);
        Assert.Equal((storedW, storedH), (stored.Info.Width, stored.Info.Height));
        Assert.True(Math.Max(storedW, storedH) <= Photos.StoredMaxSide);
    }

    [Fact]
    public async Task A_photo_is_served_sandboxed_not_under_the_site_policy()
    {
        var grid = await kit.As("grid");
        var id = await TestPhotos.UploadAsync(grid);
        var t = await kit.ReportAsync(photos: [id]);
        var served = await grid.GetAsync($"/api/v1/tickets/{t.Id}/photos/{id}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(["default-src 'none'; sandbox"], served.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(["nosniff"], served.Headers.GetValues("X-Content-Type-Options"));
        // Everything else keeps the site-wide policy.
        var details = await grid.GetAsync($"/api/v1/tickets/{t.Id}");
        Assert.Contains("default-src 'self'", Assert.Single(details.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Uploads_beyond_the_per_user_limit_are_refused_with_429_and_nothing_is_stored()
    {
        // The handler uploads nowhere else in these tests: its minute starts here.
        var handler = await kit.As("handler");
        for (var i = 0; i < global::GridGov.Infrastructure.Security.SecuritySetup.PhotoUploadsPerMinute; i++)
            await TestPhotos.UploadAsync(handler);
        var (files, rows) = (StoredFiles(), await UploadRowsAsync());
        var refused = await TestPhotos.PostAsync(handler, TestPhotos.Png(), "one-more.png");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var problem = JsonSerializer.Deserialize<ProblemDetails>(await refused.Content.ReadAsStringAsync(), JsonSerializerOptions.Web)!;
        Assert.Equal("请求过于频繁，请稍后再试", problem.Title);
        Assert.Equal((files, rows), (StoredFiles(), await UploadRowsAsync()));
        // The limit is the handler's own: others still upload.
        await TestPhotos.UploadAsync(await kit.As("grid"));
    }

    [Fact]
    public async Task Someone_elses_photo_cannot_be_attached_and_is_refused_like_an_unknown_one()
    {
        var grid = await kit.As("grid");
        var mine = await TestPhotos.UploadAsync(grid);
        var unknown = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var (lon, lat) = await kit.PointAsync();
        var count = await kit.TicketCountAsync();

        async Task<string> RefusedAsync(string photo)
        {
            var response = await kit.PostReportAsync("street", new { categoryCode = "C0101", description = "井盖缺失", lon, lat, photos = new[] { photo } });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
            return Assert.Single(JsonSerializer.Deserialize<ValidationProblemDetails>(body, JsonSerializerOptions.Web)!.Errors["photos"]);
        }
        var theirs = await RefusedAsync(mine);
        var none = await RefusedAsync(unknown);
        Assert.Equal(none.Replace(unknown[..12], "ID"), theirs.Replace(mine[..12], "ID"));
        Assert.Equal(count, await kit.TicketCountAsync());

        // Nor in an action: the ticket stays as it was.
        var t = await kit.ReportAsync();
        var act = await kit.ActAsync("street", t.Id, TicketAction.Reject, new { note = "不属于受理范围", photos = new[] { mine } });
        Assert.Equal(HttpStatusCode.BadRequest, act.StatusCode);
        await using (var db = app.UnscopedDb())
        {
            Assert.Equal(TicketState.Reported, (await db.Tickets.SingleAsync(x => x.Id == t.Id)).State);
            Assert.False(await db.TicketEvents.AnyAsync(e => e.Photos != null && e.Photos.Contains(mine)));
        }

        // Its uploader may; then whoever sees that ticket sees the photo there, and nowhere else.
        var own = await kit.ReportAsync(photos: [mine]);
        Assert.Equal(HttpStatusCode.OK, (await (await kit.As("street")).GetAsync($"/api/v1/tickets/{own.Id}/photos/{mine}")).StatusCode);
        var streets = await kit.ReportAsync(user: "street");
        Assert.Equal(HttpStatusCode.NotFound, (await (await kit.As("street")).GetAsync($"/api/v1/tickets/{streets.Id}/photos/{mine}")).StatusCode);
    }

    [Fact]
    public async Task The_same_picture_uploaded_twice_is_one_file_and_one_ownership()
    {
        var grid = await kit.As("grid");
        var png = TestPhotos.Png();
        var first = await TestPhotos.UploadAsync(grid, png);
        var second = await TestPhotos.UploadAsync(grid, png);
        Assert.Equal(first, second);
        Assert.True(app.Services.GetRequiredService<FileStore>().Exists(first));
        await using var db = app.UnscopedDb();
        Assert.Equal(1, await db.Set<PhotoUpload>().CountAsync(p => p.PhotoId == first));
    }

    // The PNG with its header's width and height replaced (and the header's CRC made right again).
    static byte[] Claiming(byte[] png, int width, int height)
    {
        var b = png.ToArray();
        // Signature (8), IHDR length (4), "IHDR" (4), then width and height.
        BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(29), Crc32(b.AsSpan(12, 17)));
        return b;
    }

    static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var x in data)
        {
            crc ^= x;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    // A JPEG with an EXIF segment (big-endian TIFF, one entry: orientation) right after its start marker.
    static byte[] WithExif(byte[] jpeg, ushort orientation, byte[] extra)
    {
        var tiff = new List<byte>();
        tiff.AddRange("MM\0*"u8.ToArray());
        tiff.AddRange([0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0, 0, 0, 0, 0]);
        tiff.AddRange(extra);
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        return [.. jpeg[..2], 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload, .. jpeg[2..]];
    }
}
