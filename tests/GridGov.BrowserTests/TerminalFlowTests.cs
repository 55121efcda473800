using System.Text.Json;
using GridGov.Features.Identity;
using GridGov.Features.Registry;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Houses;
using GridGov.Features.Registry.People;
using GridGov.Features.Tickets;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// The grid worker's day on a phone over 3G: a door plate opens its address, a resident is verified
// there, a problem is reported there with a photo and reaches the street's command centre; and with
// the network gone, three submissions wait and go exactly once when it is back.
[Collection(BrowserCollection.Name)]
public sealed class TerminalFlowTests(BrowserApp app)
{
    GridDbContext Db() => app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System);

    // A room in the grid worker's grid with at least `residents` people, each made 待核实 again.
    async Task<(string Code, string FullName, List<long> People)> PendingRoomAsync(int residents, int skip)
    {
        await using var db = Db();
        var grid = await db.Users.Where(u => u.UserName == "grid").Select(u => u.OrgUnitCode).SingleAsync();
        var rooms = await (
            from a in db.Set<Address>()
            where a.GridCode == grid && a.Kind == AddressKind.Room
            join h in db.Set<House>() on a.Id equals h.AddressId
            let n = db.Set<HouseOccupant>().Count(o => o.HouseId == h.Id)
            where n >= residents
            orderby a.Id
            select new { a.Code, a.FullName, h.Id }).Skip(skip).FirstAsync();
        var people = await db.Set<HouseOccupant>().Where(o => o.HouseId == rooms.Id).OrderBy(o => o.PersonId).Select(o => o.PersonId).Take(residents).ToListAsync();
        await db.Set<Person>().Where(p => people.Contains(p.Id)).ExecuteUpdateAsync(u => u.SetProperty(p => p.State, VerificationState.Pending));
        return (rooms.Code, rooms.FullName, people);
    }

    static byte[] Jpeg()
    {
        using var bitmap = new SkiaSharp.SKBitmap(640, 480);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap)) canvas.Clear(new SkiaSharp.SKColor(90, 140, 200));
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        return image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 80).ToArray();
    }

    [Fact]
    public async Task A_door_plate_opens_its_address_a_resident_is_verified_and_a_report_there_reaches_the_street()
    {
        var room = await PendingRoomAsync(2, 0);
        var (lon, lat) = await app.GridPointAsync("grid");
        var page = await app.PhoneAsync("grid", lon, lat);
        await BrowserApp.ThrottleAsync(page);

        // The plate's QR code is this URL: any camera opens it.
        await page.GotoAsync($"/m/a/{room.Code}");
        await Assertions.Expect(page.Locator("#address-name")).ToHaveTextAsync(room.FullName);
        var card = page.Locator($"[data-person='{room.People[0]}']");
        await Assertions.Expect(card.Locator(".m-tag")).ToHaveTextAsync("待核实");
        await BrowserApp.ShotAsync(page, "m-address");
        await card.Locator("button[value='Verified']").TapAsync();
        await Assertions.Expect(page.Locator($"[data-person='{room.People[0]}'] .m-tag")).ToHaveTextAsync("已核实", new() { Timeout = 20000 });
        await using (var db = Db())
        {
            var person = await db.Set<Person>().SingleAsync(p => p.Id == room.People[0]);
            Assert.Equal(VerificationState.Verified, person.State);
            Assert.Equal(await db.Users.Where(u => u.UserName == "grid").Select(u => (long?)u.Id).SingleAsync(), person.StateById);
        }

        // The second resident has a new job: 有误，更正信息 opens the correction, written with the verification.
        var second = page.Locator($"[data-person='{room.People[1]}']");
        await second.Locator("summary").TapAsync();
        await second.Locator("input[name=occupation]").FillAsync("外卖骑手");
        await BrowserApp.ShotAsync(page, "m-address-correct");
        await second.Locator("details button[type=submit]").TapAsync();
        await Assertions.Expect(page.Locator($"[data-person='{room.People[1]}'] .m-tag")).ToHaveTextAsync("有误已更正", new() { Timeout = 20000 });
        await using (var db = Db())
            Assert.Equal("外卖骑手", (await db.Set<Person>().SingleAsync(p => p.Id == room.People[1])).Occupation);

        await page.Locator("#m-report-here").TapAsync();
        await page.WaitForURLAsync(u => u.Contains("/m/report"));
        await page.FillAsync("#m-cat-search", "井盖");
        await Assertions.Expect(page.Locator("#m-category")).Not.ToHaveValueAsync("");
        var text = "楼道口污水井盖破损松动，行人经过有踩空危险 " + Random.Shared.Next(100000, 1000000);
        await page.FillAsync("textarea[name=description]", text);
        await page.SetInputFilesAsync("input[name=photos]", new FilePayload { Name = "现场.jpg", MimeType = "image/jpeg", Buffer = Jpeg() });
        await Assertions.Expect(page.Locator(".m-photos img")).ToHaveCountAsync(1);
        await BrowserApp.ShotAsync(page, "m-report");
        await page.Locator("#m-report button[type=submit]").TapAsync();
        await Assertions.Expect(page.Locator("#m-new-report")).ToContainTextAsync("已上报", new() { Timeout = 30000 });
        await BrowserApp.ShotAsync(page, "m-reports");

        // The street's command centre has it in its queue, with the photo and the plate's address.
        await using (var db = Db())
        {
            var ticket = await db.Set<Ticket>().Include(t => t.Events).SingleAsync(t => t.Description == text);
            Assert.Equal(TicketState.Reported, ticket.State);
            Assert.Equal(room.FullName, ticket.Address);
            Assert.Single(ticket.Events.Single(e => e.Action == TicketAction.Report).PhotoList);
        }
        var desk = await app.LoginAsync("street");
        await BrowserApp.OpenAsync(desk, "/tickets");
        await Assertions.Expect(desk.Locator("tr.ant-table-row", new() { HasText = text[..12] })).ToHaveCountAsync(1, new() { Timeout = 20000 });
        await desk.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Offline_three_submissions_wait_and_go_exactly_once_when_the_network_is_back()
    {
        var room = await PendingRoomAsync(2, 1);
        Dictionary<long, int> versions;
        await using (var before = Db())
            versions = await before.Set<Person>().Where(p => room.People.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Version);
        var (lon, lat) = await app.GridPointAsync("grid");
        var page = await app.PhoneAsync("grid", lon, lat);
        var network = await BrowserApp.ThrottleAsync(page);
        // The terminal's pages open offline once its service worker is installed (it keeps a copy).
        await page.EvaluateAsync("navigator.serviceWorker.ready.then(() => true)");
        await page.GotoAsync($"/m/a/{room.Code}");

        await BrowserApp.OfflineAsync(page, network, true);
        await Assertions.Expect(page.Locator("#m-net")).ToBeVisibleAsync();
        foreach (var id in room.People)
        {
            await page.Locator($"[data-person='{id}'] button[value='Verified']").TapAsync();
            await Assertions.Expect(page.Locator(".m-toast").Last).ToContainTextAsync("待发送");
        }
        await page.GotoAsync("/m/report");
        await page.SelectOptionAsync("#m-category", new SelectOptionValue { Index = 3 });
        var text = "离线上报：绿化带内堆放建筑垃圾 " + Random.Shared.Next(100000, 1000000);
        await page.FillAsync("textarea[name=description]", text);
        await page.SetInputFilesAsync("input[name=photos]", new FilePayload { Name = "离线.jpg", MimeType = "image/jpeg", Buffer = Jpeg() });
        await Assertions.Expect(page.Locator("[data-gps-status]")).ToContainTextAsync("已定位");
        await page.Locator("#m-report button[type=submit]").TapAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/m/outbox"));
        await Assertions.Expect(page.Locator("#m-outbox > li")).ToHaveCountAsync(3);
        await BrowserApp.ShotAsync(page, "m-outbox-offline");

        await BrowserApp.OfflineAsync(page, network, false);
        await Assertions.Expect(page.Locator("#m-outbox > li")).ToHaveCountAsync(0, new() { Timeout = 60000 });
        await Assertions.Expect(page.Locator("#m-outbox-empty")).ToBeVisibleAsync();

        await using var db = Db();
        Assert.Equal(1, await db.Set<Ticket>().CountAsync(t => t.Description == text));
        foreach (var id in room.People)
        {
            var person = await db.Set<Person>().SingleAsync(p => p.Id == id);
            Assert.Equal(VerificationState.Verified, person.State);
            // Written once: each write raises the version by one.
            Assert.Equal(versions[id] + 1, person.Version);
        }
        await page.Context.CloseAsync();
    }
}
