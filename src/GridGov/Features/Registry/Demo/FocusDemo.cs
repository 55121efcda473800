using GridGov.Features.Identity;
using GridGov.Features.Registry.Focus;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Demo;

// A community's focus subjects in the shares a Nanjing inner-city community knows: 社区矫正 ~0.05 %,
// 刑满释放 ~0.1 %, 严重精神障碍 ~0.4 %, 吸毒 ~0.1 %, 信访 ~0.05 % of residents, 独居老人 ~2 % of those
// over 70, 困难群众 ~1 %, 残疾人 ~0.5 %; each with a risk, the visit frequency of the risk, the grid's
// worker as responsible where the grid has an account, the last visit some days back — so that some
// next visits are already overdue — and, for the standard classes, the person's class record.
static class FocusDemo
{
    static readonly (string Kind, double Share, bool Elderly)[] Shares =
    [
        ("T18", 0.0005, false), ("T17", 0.001, false), ("T19", 0.004, false), ("T20", 0.001, false), ("X01", 0.0005, false),
        ("X02", 0.02, true), ("X03", 0.01, false), ("X04", 0.005, false),
    ];

    public static async Task FillAsync(CommunityFill fill, CancellationToken ct)
    {
        var (db, random, today) = (fill.Db, fill.Random, fill.Today);
        var grids = fill.Grids.ToList();
        var workers = (await db.Set<AppUser>().IgnoreQueryFilters().Where(u => grids.Contains(u.GridCode) && !u.Disabled)
                .Select(u => new { u.Id, u.DisplayName, u.GridCode }).ToListAsync(ct))
            .GroupBy(u => u.GridCode).ToDictionary(g => g.Key, g => g.First());
        var subjects = new List<FocusSubject>();
        var records = new List<PersonClassRecord>();
        foreach (var (key, share, elderly) in Shares)
        {
            var kind = PersonClasses.Find(key)!;
            var pool = fill.People.Select(p => p.Person).Where(p => p.IdType == "111" && p.BirthDate is { } b
                && (elderly ? b.AddYears(70) <= today : b.AddYears(key == "X03" || key == "X04" ? 0 : 18) <= today)).ToList();
            // At least the expected count rounded at random, so that a small community still shows a few.
            var expected = (elderly ? pool.Count : fill.People.Count) * share;
            var count = Math.Min(pool.Count, (int)expected + (random.NextDouble() < expected - (int)expected ? 1 : 0));
            foreach (var p in pool.OrderBy(_ => random.Next()).Take(count))
            {
                var risk = kind.Special
                    ? random.NextDouble() switch { < 0.3 => RiskLevel.High, < 0.8 => RiskLevel.Medium, _ => RiskLevel.Low }
                    : random.NextDouble() switch { < 0.1 => RiskLevel.High, < 0.4 => RiskLevel.Medium, _ => RiskLevel.Low };
                var every = FocusSubject.DefaultVisitDays(risk);
                // Most visited on time; about one in five is late by a few days.
                var since = random.NextDouble() < 0.2 ? every + 1 + random.Next(10) : random.Next(every);
                var last = today.AddDays(-since);
                var worker = workers.GetValueOrDefault(p.GridCode);
                subjects.Add(fill.Record(new FocusSubject
                {
                    PersonId = p.Id, Kind = key, Special = kind.Special, Risk = risk, VisitEveryDays = every, ResponsibleId = worker?.Id,
                    ResponsibleName = worker?.DisplayName, LastVisitAt = Infrastructure.ChinaTime.ToUtc(last.ToDateTime(new TimeOnly(9 + random.Next(8), random.Next(60)))),
                    NextVisitDue = last.AddDays(every),
                }, p.GridCode));
                if (kind.Standard) records.Add(fill.Record(new PersonClassRecord { PersonId = p.Id, Class = key, Special = kind.Special }, p.GridCode));
            }
        }
        await using (var writer = new BulkWriter<FocusSubject>(db)) await writer.InsertManyAsync(subjects, ct);
        await using (var writer = new BulkWriter<PersonClassRecord>(db)) await writer.InsertManyAsync(records, ct);
    }
}
