namespace GridGov.Infrastructure.Time;

public enum DayKind
{
    // A day off: an official holiday date (also when it falls on a weekend) or a weekday moved off by 调休.
    Holiday,
    // A Saturday or Sunday worked in exchange for a holiday (调休上班).
    Workday,
}

// One exception to the Monday–Friday rule, as published by the State Council (国务院办公厅).
public class CalendarDay
{
    public DateOnly Date { get; set; }
    public DayKind Kind { get; set; }
    public string Name { get; set; } = "";
}
