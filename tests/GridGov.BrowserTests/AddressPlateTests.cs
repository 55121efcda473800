using GridGov.Features.Registry.Addresses;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static GridGov.BrowserTests.PdfTools;

namespace GridGov.BrowserTests;

// 标准地址 at the community desk: the address tree, an address with its QR code, and the community's
// door-plate sheet, whose first code (scanned from the printed page) is the first room's URL, which
// opens that address.
[Collection(BrowserCollection.Name)]
public sealed class AddressPlateTests(BrowserApp app)
{
    [Fact]
    public async Task The_door_plate_sheet_carries_each_rooms_url_and_it_opens_the_address()
    {
        const long community = 320102002001;
        Address first;
        int rooms;
        await using (var db = app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System))
        {
            var all = db.Set<Address>().Where(a => a.CommunityCode == community && a.Kind == AddressKind.Room);
            first = await all.OrderBy(a => a.Code).FirstAsync();
            rooms = await all.CountAsync();
        }

        var page = await app.LoginAsync("community");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/registry/addresses");
        await page.Locator("#address-unit-tree .gg-tree-title", new() { HasText = "梅园新村社区居委会" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#address-tree")).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "registry-addresses-1366");

        var href = (await page.Locator("#plates-community").GetAttributeAsync("href"))!;
        var pdf = await FetchAsync(page, href, "registry-plates");
        Assert.Equal((rooms + 23) / 24, Pages(pdf));
        Assert.Contains(first.Code, Text(pdf)); // (the names: Noto draws some ideographs with radical glyphs in the text layer)
        // The first plate: top left of the first page (28 pt margin, 30 pt header, 4 × 6 cells), at 150 dpi.
        var url = QrCode(pdf, (50, 110, 300, 300));
        Assert.Equal($"{app.BaseUrl.TrimEnd('/')}/m/a/{first.Code}", url);

        // The terminal's address page: plain HTML for the phone that scanned it.
        await page.GotoAsync(url!);
        await Assertions.Expect(page.Locator("#address-name")).ToHaveTextAsync(first.FullName);
        await Assertions.Expect(page.Locator("#address-code")).ToHaveTextAsync(first.Code);
        await BrowserApp.ShotAsync(page, "registry-address-room");
        await page.Context.CloseAsync();
    }
}
