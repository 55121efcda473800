using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Time;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Deadlines;

public sealed record CalendarDayDto(DateOnly Date, DayKind Kind, string Name);

public sealed record WorkCalendarDto(int Year, string WorkingHours, List<CalendarDayDto> Days);

// A year's holidays and adjusted working days, and the working hours.
public sealed class GetCalendar(GridDbContext db, TicketClock clock)
{
    // Years a calendar can be kept for; outside them DateOnly would not even exist (year 0, 10000).
    public const int MinYear = 2000, MaxYear = 2100;

    public static Dictionary<string, string[]>? CheckYear(int year) => year is >= MinYear and <= MaxYear ? null
        : new() { ["year"] = [$"年份须在 {MinYear}–{MaxYear} 之间"] };

    public async Task<Result<WorkCalendarDto>> HandleAsync(int year, CancellationToken ct = default)
    {
        if (CheckYear(year) is { } bad) return Result<WorkCalendarDto>.Invalid(bad);
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date)
            .Select(d => new CalendarDayDto(d.Date, d.Kind, d.Name)).ToListAsync(ct);
        return Result<WorkCalendarDto>.Ok(new(year, clock.Calendar.WorkingHours.ToString(), days));
    }
}
