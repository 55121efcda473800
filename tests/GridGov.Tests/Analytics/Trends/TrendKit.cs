using System.Net.Http.Json;
using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Infrastructure;
using GridGov.Tests.Analytics.Keywords;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Analytics.Trends;

// A hand-made set of past tickets in one street of 秦淮区, in 2023 and 2024 where no other test writes:
// two communities, two major categories, several sources, one repeat complaint. Written through the
// context, as an import would, so the tallies are kept by the save itself.
public sealed class TrendKit(GridGovApp app)
{
    public long Street { get; private set; }
    public (long Code, long Grid) C1 { get; private set; }
    public (long Code, long Grid) C2 { get; private set; }
    public (string Code, int Minor) A { get; private set; }
    public (string Code, int Minor) B { get; private set; }

    static readonly SemaphoreSlim Once = new(1, 1);
    static TrendKit? made;

    public static async Task<TrendKit> MakeAsync(GridGovApp app)
    {
        await Once.WaitAsync();
        try { return made ??= await new TrendKit(app).FillAsync(); }
        finally { Once.Release(); }
    }

    async Task<TrendKit> FillAsync()
    {
        await using var db = app.UnscopedDb();
        Street = await db.OrgUnits.Where(u => u.ParentCode == 320104).OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
        var communities = await db.OrgUnits.Where(u => u.ParentCode == Street).OrderBy(u => u.Code).Select(u => u.Code).Take(2).ToListAsync();
        async Task<(long, long)> WithGrid(long c) => (c, await db.OrgUnits.Where(u => u.ParentCode == c).OrderBy(u => u.Code).Select(u => u.Code).FirstAsync());
        (C1, C2) = (await WithGrid(communities[0]), await WithGrid(communities[1]));
        var minors = await db.TicketCategories.Where(c => c.ParentCode != null).OrderBy(c => c.Code).ToListAsync();
        var majors = minors.Select(c => c.ParentCode!).Distinct().Take(2).ToList();
        (A, B) = ((majors[0], minors.First(c => c.ParentCode == majors[0]).Id), (majors[1], minors.First(c => c.ParentCode == majors[1]).Id));

        var rows = new List<Ticket>();
        void Add(int y, int m, int d, int n, bool a, TicketSource s) { for (var i = 0; i < n; i++) rows.Add(Ticket(new DateOnly(y, m, d), a, s, 8 + i)); }
        Add(2023, 1, 10, 4, true, TicketSource.Hotline);
        Add(2023, 2, 5, 3, true, TicketSource.Hotline);
        Add(2023, 2, 5, 3, false, TicketSource.Patrol);
        Add(2024, 1, 15, 5, true, TicketSource.Hotline);
        Add(2024, 1, 15, 3, false, TicketSource.Public);
        Add(2024, 2, 5, 2, true, TicketSource.Hotline);
        Add(2024, 2, 5, 2, false, TicketSource.Patrol);
        Add(2024, 2, 6, 2, false, TicketSource.DigitalCity);
        Add(2024, 3, 10, 5, true, TicketSource.Hotline);
        db.Tickets.AddRange(rows);
        await db.SaveChangesAsync();
        // The last of March is a repeat complaint of the first.
        var march = rows.Where(t => t.ReportedAt.Month == 3).OrderBy(t => t.Id).ToList();
        march[^1].PrimaryId = march[0].Id;
        march[^1].State = TicketState.Duplicate;
        await db.SaveChangesAsync();
        return this;
    }

    Ticket Ticket(DateOnly day, bool a, TicketSource source, int hour)
    {
        var at = KeywordKit.At(day, hour);
        return new Ticket
        {
            CategoryId = a ? A.Minor : B.Minor, Description = a ? "占道经营影响通行" : "路面破损坑洼", GridCode = a ? C1.Grid : C2.Grid,
            CentreCode = Street, Source = source, State = TicketState.Closed, ReportedAt = at, UpdatedAt = at, ClosedAt = at.AddDays(1),
            AcceptLimit = "1h", DispatchLimit = "1h", HandleLimit = "1d", VerifyLimit = "1d",
        };
    }

    public async Task<HttpResponseMessage> GetAsync(string user, string path) => await (await app.ClientForAsync(user)).GetAsync($"/api/v1/analytics/{path}");

    public async Task<T> ReadAsync<T>(string user, string path)
    {
        var response = await GetAsync(user, path);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(KeywordKit.Json))!;
    }
}
