using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkiaSharp;

namespace GridGov.BrowserTests;

// A phone-sized photo chosen in the report form: shrunk in the browser before it is sent, shown as a
// thumbnail that can be looked at and removed, and only the photos left go with the ticket.
[Collection(BrowserCollection.Name)]
public sealed class PhotoUploadTests(BrowserApp app)
{
    [Fact]
    public async Task A_big_photo_is_shrunk_before_upload_shown_as_a_thumbnail_and_a_removed_one_stays_off_the_ticket()
    {
        var page = await app.LoginAsync("grid");
        var posted = new List<IRequest>();
        page.Request += (_, r) => { if (r.Method == "POST" && r.Url.EndsWith("/api/v1/files/photos")) posted.Add(r); };
        await BrowserApp.OpenAsync(page, "/tickets/new");
        var field = page.Locator("#f-photos");
        await Assertions.Expect(field).ToContainTextAsync("上传照片");
        // The browser's own file input ("Choose Files / No file chosen") is nowhere to be seen.
        await Assertions.Expect(field.Locator("input[type=file]")).ToBeHiddenAsync();

        await TicketLoopTests.Pick(page, "事件分类", "暴露垃圾");
        await page.FillAsync("#f-description", "梅园新村8号楼北侧绿化带内堆放建筑垃圾");
        await page.FillAsync("#f-address", "梅园新村8号楼北侧");
        var map = page.Locator("#pick-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-ready", "1");
        await map.ClickAsync();

        var big = Jpeg(4000, 3000, SKColors.SteelBlue);
        var small = Jpeg(640, 480, SKColors.OrangeRed);
        await page.SetInputFilesAsync("#f-photos input[type=file]", new[]
        {
            new FilePayload { Name = "big.jpg", MimeType = "image/jpeg", Buffer = big },
            new FilePayload { Name = "small.jpg", MimeType = "image/jpeg", Buffer = small },
        });
        var thumbs = field.Locator(".ant-upload-list-item-done img");
        await Assertions.Expect(thumbs).ToHaveCountAsync(2);
        await BrowserApp.ShotAsync(page, "photo-upload-thumbnails");

        // Each posted by the browser to the API with the antiforgery header (what was stored is checked
        // at the end: the server keeps up to 4096 px, so 2048 there is the browser's doing).
        Assert.Equal(2, posted.Count);
        foreach (var r in posted)
            Assert.False(string.IsNullOrEmpty((await r.AllHeadersAsync()).GetValueOrDefault("x-csrf-token")));

        // Looked at in the preview, then the small one removed.
        await field.Locator(".ant-upload-list-item", new() { Has = page.Locator("img[alt='big.jpg']") }).HoverAsync();
        await field.Locator(".ant-upload-list-item", new() { Has = page.Locator("img[alt='big.jpg']") }).Locator(".anticon-eye").ClickAsync();
        await Assertions.Expect(page.Locator(".gg-photo-preview")).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "photo-upload-preview");
        await page.Locator(".ant-modal-close").ClickAsync();
        await Assertions.Expect(page.Locator(".gg-photo-preview")).ToHaveCountAsync(0);
        var smallItem = field.Locator(".ant-upload-list-item", new() { Has = page.Locator("img[alt='small.jpg']") });
        await smallItem.HoverAsync();
        await smallItem.Locator(".anticon-delete").ClickAsync();
        await Assertions.Expect(thumbs).ToHaveCountAsync(1);
        await Assertions.Expect(field.Locator("img[alt='big.jpg']")).ToHaveCountAsync(1);

        var text = await page.Locator("body").InnerTextAsync();
        foreach (var english in new[] { "Choose File", "No file", "Upload", "Preview", "Remove" })
            Assert.DoesNotContain(english, text, StringComparison.OrdinalIgnoreCase);

        await page.ClickAsync("#ticket-submit");
        // Other tests may have reported something alike nearby: the form then names the candidates
        // first, and 查看新工单 goes on to the new ticket.
        var ticketUrl = new Regex(@"/tickets/\d+$");
        var goOn = page.GetByRole(AriaRole.Button, new() { Name = "查看新工单" });
        await Assertions.Expect(goOn.Or(page.Locator("#ticket-photos"))).ToBeVisibleAsync();
        if (await goOn.IsVisibleAsync()) await goOn.ClickAsync();
        await page.WaitForURLAsync(ticketUrl);
        var photos = page.Locator("#ticket-photos img");
        await Assertions.Expect(photos).ToHaveCountAsync(1);
        // The stored photo is the shrunk one.
        var src = await photos.First.GetAttributeAsync("src");
        var answer = await page.Context.APIRequest.GetAsync(new Uri(new Uri(app.BaseUrl), src).ToString());
        Assert.Equal(200, answer.Status);
        Assert.Equal((2048, 1536), Size(await answer.BodyAsync()));
        await BrowserApp.ShotAsync(page, "photo-upload-ticket");
    }

    [Fact]
    public async Task A_file_that_is_no_picture_and_a_tenth_photo_are_refused_in_chinese()
    {
        var page = await app.LoginAsync("grid");
        await BrowserApp.OpenAsync(page, "/tickets/new");
        var field = page.Locator("#f-photos");

        // Named .jpg but not a picture: the server refuses it, the thumbnail goes, the reason stays.
        await page.SetInputFilesAsync("#f-photos input[type=file]",
            new FilePayload { Name = "notes.jpg", MimeType = "image/jpeg", Buffer = "这不是照片"u8.ToArray() });
        await Assertions.Expect(field.Locator(".gg-field-message")).ToContainTextAsync("notes.jpg：");
        await Assertions.Expect(field.Locator(".gg-field-message")).ToContainTextAsync("JPEG、PNG 或 WebP");
        await Assertions.Expect(field.Locator(".ant-upload-list-item")).ToHaveCountAsync(0);

        // Ten at once is one too many: none is sent.
        var ten = Enumerable.Range(0, 10).Select(i => new FilePayload { Name = $"p{i}.jpg", MimeType = "image/jpeg", Buffer = Jpeg(64, 48, new SKColor((byte)(i * 20), 80, 120)) });
        await page.SetInputFilesAsync("#f-photos input[type=file]", ten);
        await Assertions.Expect(field.Locator(".gg-field-message")).ToContainTextAsync("照片最多 9 张");
        await Assertions.Expect(field.Locator(".ant-upload-list-item")).ToHaveCountAsync(0);
        await BrowserApp.ShotAsync(page, "photo-upload-refused");
        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex("Upload|failed|error", System.Text.RegularExpressions.RegexOptions.IgnoreCase),
            await field.InnerTextAsync());
    }

    static byte[] Jpeg(int width, int height, SKColor color)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(color);
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawCircle(width / 2f, height / 2f, height / 4f, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    static (int Width, int Height) Size(byte[] image)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(image)) ?? throw new InvalidOperationException("无法读取图片");
        return (codec.Info.Width, codec.Info.Height);
    }
}
