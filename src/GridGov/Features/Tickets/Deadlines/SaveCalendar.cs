using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.Text;
using GridGov.Infrastructure.Time;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Deadlines;

// Replace a year's special days (the State Council's notice each autumn), all or nothing, and
// recompute deadlines with them from now on. The calendar holds city-wide.
public sealed class SaveCalendar(GridDbContext db, TicketClock clock, GetCalendar get, CurrentUser caller)
{
    public async Task<Result<WorkCalendarDto>> HandleAsync(int year, List<CalendarDayDto> days, CancellationToken ct = default)
    {
        if (CitySettings.Refuse<WorkCalendarDto>(caller, "工作日历") is { } refused) return refused;
        if (CheckInput(year, days) is { } bad) return Result<WorkCalendarDto>.Invalid(bad);
        var errors = new List<string>();
        foreach (var (d, i) in days.Select((d, i) => (d, i + 1)))
        {
            if (d.Date.Year != year) errors.Add($"第 {i} 项：日期 {d.Date:yyyy-MM-dd} 不在 {year} 年");
            if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > 50) errors.Add($"第 {i} 项：请填写名称（不超过 50 字）");
            if (d.Kind == DayKind.Workday && d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                errors.Add($"第 {i} 项：{d.Date:yyyy-MM-dd} 是工作日，不需要设为调休上班");
        }
        if (days.GroupBy(d => d.Date).FirstOrDefault(g => g.Count() > 1) is { } twice) errors.Add($"日期 {twice.Key:yyyy-MM-dd} 重复");
        if (errors.Count > 0) return Result<WorkCalendarDto>.Invalid(new Dictionary<string, string[]> { ["days"] = [.. errors] });
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        db.CalendarDays.RemoveRange(await db.CalendarDays.Where(d => d.Date >= from && d.Date <= to).ToListAsync(ct));
        db.CalendarDays.AddRange(days.Select(d => new CalendarDay { Date = d.Date, Kind = d.Kind, Name = CleanText.Line(d.Name).Trim() }));
        await db.SaveChangesAsync(ct);
        await clock.LoadAsync(ct);
        return await get.HandleAsync(year, ct);
    }

    // No year has more days than this; a longer list is refused before any item is looked at.
    public const int MaxDays = 366;

    static Dictionary<string, string[]>? CheckInput(int year, List<CalendarDayDto>? days)
    {
        if (GetCalendar.CheckYear(year) is { } bad) return bad;
        if (days is null) return new() { ["days"] = ["请提交节假日列表"] };
        if (days.Count > MaxDays) return new() { ["days"] = [$"节假日和调休最多 {MaxDays} 项，提交了 {days.Count} 项"] };
        var empty = days.Select((d, i) => (d, i)).Where(x => x.d is null).Select(x => $"第 {x.i + 1} 项为空").ToArray();
        if (empty.Length > 0) return new() { ["days"] = empty };
        if (days.FirstOrDefault(d => !Enum.IsDefined(d.Kind)) is { } kind) return new() { ["days"] = [$"日期 {kind.Date:yyyy-MM-dd} 的类型无效"] };
        return null;
    }
}
