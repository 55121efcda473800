using GridGov.Features.Analytics.Rollups;
using GridGov.Features.Organization;
using GridGov.Features.Registry;
using GridGov.Features.Registry.Components;
using GridGov.Features.Registry.Houses;
using GridGov.Features.Registry.People;
using GridGov.Features.Tickets;
using GridGov.Tests.Infrastructure;
using GridGov.Tests.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static GridGov.Features.Tickets.TicketAction;

namespace GridGov.Tests.Analytics;

// The rollups are kept by every save; after a random mix of reports, moves and registry edits they
// must equal a recomputation from the raw rows, and the city's row must equal a plain GROUP BY.
[Collection(NanjingCollection.Name)]
public sealed class TallyTests(GridGovApp app, ITestOutputHelper output)
{
    readonly TicketKit kit = new(app);

    [Fact]
    public async Task Tallies_kept_by_every_write_equal_a_recomputation_from_the_raw_rows()
    {
        // Other tests of the collection move rows with ExecuteUpdate (a shortcut past the context,
        // which the rollups do not see): start from tallies recomputed now.
        var rebuild = app.Services.GetRequiredService<RebuildTallies>();
        await rebuild.RunAsync();
        var random = new Random(14);
        var grids = await GridsOfTheStreetAsync();
        var tickets = new List<TicketDetail>();
        for (var i = 0; i < 14; i++)
        {
            // Half in the demo grid worker's grid: only there can the loop be verified and closed.
            var at = await kit.PointOfAsync(i % 2 == 0 ? TicketKit.Grid : grids[random.Next(grids.Count)]);
            tickets.Add(await kit.ReportAsync("street", $"第{i}号测试事件，路面破损需要修补", at: at));
        }
        var moves = 0;
        for (var round = 0; round < 90; round++)
        {
            var t = tickets[random.Next(tickets.Count)];
            if (await NextMoveAsync(t.Id, random, tickets) is { } moved) { tickets[tickets.FindIndex(x => x.Id == t.Id)] = moved; moves++; }
        }
        // At least one repeat complaint stays linked, whatever the walk did.
        var first = await kit.ReportAsync("street", "井盖缺失，行人容易踩空", at: await kit.PointOfAsync(TicketKit.Grid));
        var repeat = await kit.ReportAsync("street", "同一处井盖缺失，再次反映", at: await kit.PointOfAsync(TicketKit.Grid));
        var linked = await kit.ActAsync("street", repeat.Id, LinkDuplicate, new { primaryId = first.Id });
        Assert.True(linked.IsSuccessStatusCode, await linked.Content.ReadAsStringAsync());
        var records = await EditRegistryAsync(random);
        output.WriteLine($"{tickets.Count} tickets, {moves} moves, {records} registry edits");

        var kept = await SnapshotAsync();
        var report = await rebuild.RunAsync();
        var rebuilt = await SnapshotAsync();
        output.WriteLine($"rebuilt from {report.Tickets} tickets and {report.Records} records in {report.Took.TotalMilliseconds:0} ms");
        Assert.Equal(rebuilt, kept);
        Assert.Contains(tickets, t => t.State == TicketState.Closed);

        await using var db = app.UnscopedDb();
        var plain = await db.Tickets.Where(t => t.GridCode >= 320100000000000 && t.GridCode < 320200000000000)
            .GroupBy(t => new { t.Source, t.State }).Select(g => new { g.Key.Source, g.Key.State, N = (long)g.Count() }).ToListAsync();
        var city = await db.Set<TicketTally>().Where(t => t.Code == 3201 && t.Day % 100 != 0).GroupBy(t => new { t.Source, t.State })
            .Select(g => new { g.Key.Source, g.Key.State, N = g.Sum(t => t.Count) }).Where(g => g.N != 0).ToListAsync();
        Assert.Equal(plain.OrderBy(x => x.Source).ThenBy(x => x.State).Select(x => $"{x.Source}/{x.State}={x.N}"),
            city.OrderBy(x => x.Source).ThenBy(x => x.State).Select(x => $"{x.Source}/{x.State}={x.N}"));
        // Tickets by category, and the repeat complaints among them (linked to an earlier ticket).
        var byCategory = await db.Tickets.Where(t => t.GridCode >= 320100000000000 && t.GridCode < 320200000000000)
            .GroupBy(t => t.CategoryId).Select(g => new { g.Key, N = (long)g.Count(), R = (long)g.Count(t => t.PrimaryId != null) }).ToListAsync();
        var talliedCategories = await db.Set<CategoryTally>().Where(t => t.Code == 3201 && t.Day % 100 != 0).GroupBy(t => t.CategoryId)
            .Select(g => new { g.Key, N = g.Sum(t => t.Count), R = g.Sum(t => t.Repeats) }).Where(g => g.N != 0).ToListAsync();
        Assert.Equal(byCategory.OrderBy(x => x.Key).Select(x => $"{x.Key}={x.N}/{x.R}"), talliedCategories.OrderBy(x => x.Key).Select(x => $"{x.Key}={x.N}/{x.R}"));
        Assert.Contains(byCategory, x => x.R > 0);
        var people = await db.Set<Person>().Where(p => p.State != VerificationState.Removed && p.GridCode >= 320100000000000 && p.GridCode < 320200000000000)
            .GroupBy(p => p.Residency).Select(g => new { g.Key, N = (long)g.Count() }).ToListAsync();
        var talliedPeople = await db.Set<RegistryTally>().Where(t => t.Code == 3201 && t.Kind == TallyRules.Person && t.Count != 0).ToListAsync();
        Assert.Equal(people.OrderBy(p => p.Key.ToString()).Select(p => $"{p.Key}={p.N}"), talliedPeople.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Count}"));
        // Each day's figures are also in its month's and its year's row.
        var days = await db.Set<TicketTally>().Where(t => t.Code == 3201 && t.Day % 100 != 0).SumAsync(t => t.Count);
        Assert.Equal(days, await db.Set<TicketTally>().Where(t => t.Code == 3201 && t.Day % 10_000 == 0).SumAsync(t => t.Count));
        Assert.Equal(days, await db.Set<TicketTally>().Where(t => t.Code == 3201 && t.Day % 100 == 0 && t.Day % 10_000 != 0).SumAsync(t => t.Count));
        var closed = await db.Tickets.CountAsync(t => t.State == TicketState.Closed && t.GridCode >= 320100000000000 && t.GridCode < 320200000000000);
        Assert.Equal(closed, await db.Set<TicketFlowTally>().Where(t => t.Code == 3201 && t.Day % 100 != 0).SumAsync(t => t.Closed));
    }

    async Task<List<long>> GridsOfTheStreetAsync()
    {
        await using var db = app.UnscopedDb();
        return await db.OrgUnits.Where(u => u.Level == GridGov.Infrastructure.Places.OrgLevel.Grid && u.ParentCode / 1000 == TicketKit.Street && u.Boundary != null)
            .OrderBy(u => u.Code).Select(u => u.Code).Take(6).ToListAsync();
    }

    // One step the ticket's state allows, chosen at random; null when it has none left.
    async Task<TicketDetail?> NextMoveAsync(long id, Random random, List<TicketDetail> all)
    {
        var t = (await kit.GetAsync("street", id))!;
        var dept = await kit.HandlerDepartmentAsync();
        (string, TicketAction, object?)[] options = t.State switch
        {
            // Weighted towards the loop's end, so that some tickets close.
            TicketState.Reported => [("street", Accept, null), ("street", Accept, null), ("street", Accept, null), ("street", Reject, new { note = "不予立案" }),
                ("street", LinkDuplicate, new { primaryId = all.First(x => x.Id != id).Id })],
            TicketState.Accepted or TicketState.Returned => [("street", Dispatch, new { departmentId = dept })],
            TicketState.Dispatched => [("handler", ReportBack, new { note = "已修补" }), ("handler", ReportBack, new { note = "已修补" }), ("handler", Return, new { note = "非本部门" })],
            TicketState.Handled => [("grid", VerifyPass, null), ("grid", VerifyPass, null), ("grid", VerifyFail, new { note = "未修好" })],
            TicketState.Verified => [("chief", Close, null)],
            TicketState.Duplicate => [("street", Unlink, new { note = "并非同一问题" })],
            TicketState.Closed => [],
            _ => [],
        };
        if (options.Length == 0) return null;
        var (user, action, body) = options[random.Next(options.Length)];
        // The grid worker verifies only in its own grid: elsewhere the street's chief closes the loop.
        if (user == "grid" && t.GridCode != TicketKit.Grid) return null;
        var response = await kit.ActAsync(user, id, action, body);
        if (!response.IsSuccessStatusCode) output.WriteLine($"{action} on {t.State}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.IsSuccessStatusCode ? await kit.GetAsync("street", id) : null;
    }

    async Task<int> EditRegistryAsync(Random random)
    {
        await using var db = app.UnscopedDb();
        var people = await db.Set<Person>().Where(p => p.GridCode / 1_000_000 == TicketKit.Street).OrderBy(p => p.Id).Take(30).ToListAsync();
        var houses = await db.Set<House>().Where(h => h.GridCode / 1_000_000 == TicketKit.Street).OrderBy(h => h.Id).Take(10).ToListAsync();
        var components = await db.Set<Component>().OrderBy(c => c.Id).Take(5).ToListAsync();
        Assert.NotEmpty(people);
        var n = 0;
        foreach (var p in people.Where(_ => random.Next(3) == 0))
        {
            if (random.Next(2) == 0) p.Residency = (ResidencyType)random.Next(4);
            else p.State = VerificationState.Removed;
            n++;
        }
        foreach (var h in houses.Where(_ => random.Next(2) == 0)) { h.Use = (HouseUse)random.Next(6); n++; }
        foreach (var c in components.Take(2)) { db.Remove(c); n++; }
        await db.SaveChangesAsync();
        return n;
    }

    async Task<List<string>> SnapshotAsync()
    {
        await using var db = app.UnscopedDb();
        var t = await db.Set<TicketTally>().Where(x => x.Count != 0).Select(x => $"T {x.Code} {x.Day} {x.Source} {x.State} {x.Count}").ToListAsync();
        var f = await db.Set<TicketFlowTally>().Where(x => x.Created != 0 || x.Closed != 0 || x.CloseMinutes != 0)
            .Select(x => $"F {x.Code} {x.Day} {x.DepartmentId} {x.Created} {x.Closed} {x.ClosedOnTime} {x.ClosedReworked} {x.CloseMinutes}").ToListAsync();
        var r = await db.Set<RegistryTally>().Where(x => x.Count != 0).Select(x => $"R {x.Code} {x.Kind} {x.Key} {x.Count}").ToListAsync();
        var c = await db.Set<CategoryTally>().Where(x => x.Count != 0 || x.Repeats != 0)
            .Select(x => $"C {x.Code} {x.Day} {x.CategoryId} {x.Source} {x.Count} {x.Repeats}").ToListAsync();
        var d = await db.Set<DeadlineTally>().Where(x => x.Count != 0).Select(x => $"D {x.Code} {x.Day} {x.Count}").ToListAsync();
        return [.. t.Concat(f).Concat(r).Concat(c).Concat(d).Order(StringComparer.Ordinal)];
    }
}
