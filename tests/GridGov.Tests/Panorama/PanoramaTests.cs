using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Analytics.Rollups;
using GridGov.Features.Panorama;
using GridGov.Features.Tickets;
using GridGov.Tests.Infrastructure;
using GridGov.Tests.Tickets;
using GridGov.Infrastructure.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Tests.Panorama;

// The panorama's figures through the API: the caller's own area by default, drill-down to children,
// a street account never sees another street or the city's totals, and a new ticket moves the figures.
[Collection(NanjingCollection.Name)]
public sealed class PanoramaTests(GridGovApp app)
{
    readonly TicketKit kit = new(app);
    const long Community = 320102002001, OtherStreet = 320102003;

    async Task<PanoramaFigures> GetAsync(string user, string query = "")
    {
        var response = await (await kit.As(user)).GetAsync($"/api/v1/panorama{query}");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<PanoramaFigures>(TicketKit.Json))!;
    }

    [Fact]
    public async Task A_street_account_sees_its_street_and_below_and_nothing_else()
    {
        var own = await GetAsync("street");
        Assert.Equal(TicketKit.Street, own.Unit.Code);
        Assert.Equal([TicketKit.Street], own.Path.Select(p => p.Code));
        Assert.Equal("社区", own.ChildLevelName);
        Assert.Contains(own.Children, c => c.Code == Community);

        var community = await GetAsync("street", $"?unit={Community}");
        Assert.Equal([TicketKit.Street, Community], community.Path.Select(p => p.Code));
        var client = await kit.As("street");
        foreach (var other in new long[] { OtherStreet, 320102, 3201, OtherStreet * 1000 + 1 })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/panorama?unit={other}")).StatusCode);
        // A grid worker has no panorama at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await kit.As("grid")).GetAsync("/api/v1/panorama")).StatusCode);
    }

    [Fact]
    public async Task The_city_is_the_sum_of_its_districts_and_a_new_ticket_moves_every_level()
    {
        var city = await GetAsync("admin", "?period=Today");
        Assert.Equal(3201, city.Unit.Code);
        Assert.Equal(11, city.Children.Count);
        Assert.Equal(city.Today.New, city.Children.Sum(c => c.Tickets));
        Assert.Equal(city.People.Sum(p => p.Count), city.Children.Sum(c => c.People));

        var street = await GetAsync("street", "?period=Today");
        var grid = await GetAsync("street", $"?unit={TicketKit.Grid}&period=Today");
        var streetWeek = await GetAsync("street", "?period=Week");
        await kit.ReportAsync("grid", "路灯不亮，晚上行人看不清路");

        var cityAfter = await GetAsync("admin", "?period=Today");
        var streetAfter = await GetAsync("street", "?period=Today");
        var gridAfter = await GetAsync("street", $"?unit={TicketKit.Grid}&period=Today");
        var streetWeekAfter = await GetAsync("street", "?period=Week");
        Assert.Equal(city.Today.New + 1, cityAfter.Today.New);
        Assert.Equal(street.Tickets + 1, streetAfter.Tickets);
        Assert.Equal(grid.Tickets + 1, gridAfter.Tickets);
        Assert.Equal(Count(grid.TicketsBySource, nameof(TicketSource.Patrol)) + 1, Count(gridAfter.TicketsBySource, nameof(TicketSource.Patrol)));
        Assert.Equal(Count(grid.TicketsByState, nameof(TicketState.Reported)) + 1, Count(gridAfter.TicketsByState, nameof(TicketState.Reported)));
        Assert.Equal(Child(city, 320102) + 1, Child(cityAfter, 320102));
        Assert.Equal(Child(city, 320104), Child(cityAfter, 320104));
        // This week is its days' rows (tickets and, for the children, flows).
        Assert.Equal(streetWeek.Tickets + 1, streetWeekAfter.Tickets);
        Assert.Equal(Child(streetWeek, Community) + 1, Child(streetWeekAfter, Community));
        Assert.Equal(streetWeekAfter.Tickets, streetWeekAfter.Children.Sum(c => c.Tickets));
    }

    [Fact]
    public async Task Registry_figures_are_counts_by_kind_with_names_in_chinese()
    {
        var street = await GetAsync("street");
        Assert.NotEmpty(street.People);
        Assert.All(street.People.Concat(street.Houses), f => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+$", f.Name));
        var community = await GetAsync("street", $"?unit={Community}");
        Assert.Equal(street.People.Sum(p => p.Count), community.People.Sum(p => p.Count) + street.Children.Where(c => c.Code != Community).Sum(c => c.People));
    }

    static long Count(List<Figure> figures, string key) => figures.FirstOrDefault(f => f.Key == key)?.Count ?? 0;

    [Fact]
    public async Task Overdue_counts_deadlines_of_past_days_from_the_tally_and_todays_from_the_index()
    {
        // Other tests move deadlines with ExecuteUpdate (past the tallies): start from a recomputation.
        await app.Services.GetRequiredService<RebuildTallies>().RunAsync();
        var before = (await GetAsync("street")).Today.Overdue;
        Assert.Equal(await RawOverdueAsync(), before);

        var reported = new List<long>();
        for (var i = 0; i < 4; i++) reported.Add((await kit.ReportAsync("grid", $"第{i}处绿化带枯死需补种")).Id);
        var now = DateTime.UtcNow;
        await using (var db = app.UnscopedDb())
        {
            var t = await db.Tickets.Where(x => reported.Contains(x.Id)).OrderBy(x => x.Id).ToListAsync();
            t[0].DueAt = now.AddDays(-3);     // a past day: the tally's row
            t[1].DueAt = now.AddDays(-40);    // another month
            t[2].DueAt = now.AddSeconds(-5);  // today (or yesterday just after midnight): either way late
            t[3].DueAt = now.AddDays(2);      // not yet
            await db.SaveChangesAsync();
        }
        var after = await GetAsync("street");
        Assert.Equal(before + 3, after.Today.Overdue);
        Assert.Equal(await RawOverdueAsync(), after.Today.Overdue);
        Assert.Equal(3, (await GetAsync("street", $"?unit={TicketKit.Grid}")).Today.Overdue - await RawOverdueAsync(TicketKit.Grid, except: reported));

        // Closing the late one in the past removes it from the tally again.
        await using (var db = app.UnscopedDb())
        {
            var t = await db.Tickets.SingleAsync(x => x.Id == reported[0]);
            t.DueAt = null;
            await db.SaveChangesAsync();
        }
        Assert.Equal(before + 2, (await GetAsync("street")).Today.Overdue);

        // The hourly pruning takes the zero rows of past days away (that one's, if nothing else was due
        // then, and one left from 2000); a zero row of a day to come stays; no figure moves.
        await using (var db = app.UnscopedDb())
        {
            db.Set<DeadlineTally>().AddRange(new DeadlineTally { Code = TicketKit.Grid, Day = 20000101 }, new DeadlineTally { Code = TicketKit.Grid, Day = 20991231 });
            await db.SaveChangesAsync();
        }
        var today = TallyCodes.Day(DateTime.UtcNow);
        Assert.True(await app.Services.GetRequiredService<PruneDeadlineTallies>().RunOnceAsync() >= 1);
        await using (var db = app.UnscopedDb())
        {
            Assert.False(await db.Set<DeadlineTally>().AnyAsync(t => t.Count == 0 && t.Day < today));
            Assert.True(await db.Set<DeadlineTally>().AnyAsync(t => t.Code == TicketKit.Grid && t.Day == 20991231 && t.Count == 0));
            Assert.True(await db.Set<DeadlineTally>().AnyAsync(t => t.Count > 0 && t.Day < today));
        }
        Assert.Equal(before + 2, (await GetAsync("street")).Today.Overdue);
        Assert.Equal(await RawOverdueAsync(), (await GetAsync("street")).Today.Overdue);
    }

    async Task<long> RawOverdueAsync(long unit = TicketKit.Street, List<long>? except = null)
    {
        var (from, to) = OrgCode.Subtree(unit);
        var now = DateTime.UtcNow;
        await using var db = app.UnscopedDb();
        return await db.Tickets.LongCountAsync(t => t.GridCode >= from && t.GridCode <= to && t.DueAt < now && (except == null || !except.Contains(t.Id)));
    }

    static long Child(PanoramaFigures f, long code) => f.Children.Single(c => c.Code == code).Tickets;
}
