using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using GridGov.Features.Analytics.Keywords;
using GridGov.Features.Tickets;
using GridGov.Infrastructure;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Tests.Analytics.Keywords;

// Tickets of past days written straight into the database (as an import of old hotline records
// would), the keyword index brought up to date, and the hot keywords asked through the API.
public sealed class KeywordKit(GridGovApp app)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    const string Url = "/api/v1/analytics/keywords";

    public static DateTime At(DateOnly day, int hour = 10) => ChinaTime.ToUtc(day.ToDateTime(new TimeOnly(hour, 0)));

    // A grid of a community: its first, or the nth after it.
    public async Task<long> GridOfAsync(long community, int nth = 0)
    {
        await using var db = app.UnscopedDb();
        var (from, to) = OrgCode.Subtree(community);
        return await db.Set<Features.Organization.OrgUnit>().Where(u => u.Code > from && u.Code <= to && u.Level == OrgLevel.Grid)
            .OrderBy(u => u.Code).Select(u => u.Code).Skip(nth).FirstAsync();
    }

    // One closed ticket per text, reported on the given days (cycled) in the grid.
    public async Task<List<long>> AddAsync(long grid, IReadOnlyList<DateOnly> days, params string[] texts)
    {
        await using var db = app.UnscopedDb();
        var category = await db.TicketCategories.Where(c => c.ParentCode != null).OrderBy(c => c.Id).FirstAsync();
        var tickets = texts.Select((text, i) =>
        {
            var at = At(days[i % days.Count], 8 + i % 10);
            return new Ticket
            {
                CategoryId = category.Id, Description = text, GridCode = grid, CentreCode = OrgCode.Street(grid), Source = TicketSource.Hotline,
                State = TicketState.Closed, ReportedAt = at, UpdatedAt = at, ClosedAt = at.AddDays(1),
                AcceptLimit = "1h", DispatchLimit = "1h", HandleLimit = "1d", VerifyLimit = "1d",
            };
        }).ToList();
        db.Tickets.AddRange(tickets);
        await db.SaveChangesAsync();
        return [.. tickets.Select(t => t.Id)];
    }

    // Nothing else writes tickets between a test's steps: no gap in the ids needs waiting for.
    public Task<KeywordIndexRun> IndexAsync() => app.Services.GetRequiredService<KeywordIndexer>().RunOnceAsync(settle: TimeSpan.Zero);

    public async Task<HttpResponseMessage> GetAsync(string user, string query) => await (await app.ClientForAsync(user)).GetAsync($"{Url}{query}");

    public async Task<HotKeywords> HotAsync(string user, long? unit, DateOnly from, DateOnly to, int top = 20)
    {
        var response = await GetAsync(user, $"?{(unit is { } u ? $"unit={u}&" : "")}from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&top={top}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<HotKeywords>(Json))!;
    }

    public static List<DateOnly> DaysOf(int year, int month, params int[] days) => [.. days.Select(d => new DateOnly(year, month, d))];
}
