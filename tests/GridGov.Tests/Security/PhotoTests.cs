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
