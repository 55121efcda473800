using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Deadlines;

public sealed record CalendarDayDto(DateOnly Date, DayKind Kind, string Name);

public sealed record WorkCalendarDto(int Year, string WorkingHours, List<CalendarDayDto> Days);

// GET /api/v1/tickets/calendar/{year}   holidays and adjusted working days of a year, and the working hours
// PUT /api/v1/tickets/calendar/{year}   replace that year's special days (the State Council's notice each autumn)
static class CalendarEndpoints
{
    public static void MapCalendarEndpoints(this RouteGroupBuilder tickets)
    {
        tickets.MapGet("/calendar/{year:int}", async (int year, GridDbContext db, TicketClock clock, CancellationToken ct) =>
            TypedResults.Ok(new WorkCalendarDto(year, clock.Calendar.WorkingHours.ToString(), await DaysAsync(db, year, ct))));
        tickets.MapPut("/calendar/{year:int}", async Task<Results<Ok<WorkCalendarDto>, ValidationProblem>> (int year, [FromBody] List<CalendarDayDto> days, GridDbContext db, TicketClock clock, CancellationToken ct) =>
        {
            var saved = await SaveAsync(db, clock, year, days, ct);
            return saved.Calendar is { } calendar ? TypedResults.Ok(calendar)
                : GridGov.Infrastructure.Invalid.Problem(new Dictionary<string, string[]> { ["days"] = [.. saved.Errors] });
        }).RequireAuthorization(Permissions.TicketsConfigure);
    }

    public sealed record Saved(WorkCalendarDto? Calendar, List<string> Errors);

    // Replace a year's special days, all or nothing, and recompute with them from now on.
    public static async Task<Saved> SaveAsync(GridDbContext db, TicketClock clock, int year, List<CalendarDayDto> days, CancellationToken ct)
    {
        var errors = new List<string>();
        foreach (var (d, i) in days.Select((d, i) => (d, i + 1)))
        {
            if (d.Date.Year != year) errors.Add($"第 {i} 项：日期 {d.Date:yyyy-MM-dd} 不在 {year} 年");
            if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > 50) errors.Add($"第 {i} 项：请填写名称（不超过 50 字）");
            if (d.Kind == DayKind.Workday && d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                errors.Add($"第 {i} 项：{d.Date:yyyy-MM-dd} 是工作日，不需要设为调休上班");
        }
        if (days.GroupBy(d => d.Date).FirstOrDefault(g => g.Count() > 1) is { } twice) errors.Add($"日期 {twice.Key:yyyy-MM-dd} 重复");
        if (errors.Count > 0) return new(null, errors);
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        db.CalendarDays.RemoveRange(await db.CalendarDays.Where(d => d.Date >= from && d.Date <= to).ToListAsync(ct));
        db.CalendarDays.AddRange(days.Select(d => new CalendarDay { Date = d.Date, Kind = d.Kind, Name = d.Name.Trim() }));
        await db.SaveChangesAsync(ct);
        await clock.LoadAsync(ct);
        return new(new WorkCalendarDto(year, clock.Calendar.WorkingHours.ToString(), await DaysAsync(db, year, ct)), []);
    }

    public static Task<List<CalendarDayDto>> DaysAsync(GridDbContext db, int year, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date)
            .Select(d => new CalendarDayDto(d.Date, d.Kind, d.Name)).ToListAsync(ct);
    }
}
