namespace GridGov.Features.Panorama;

public enum PanoramaPeriod { Today, Week, Month, Year }

public sealed record UnitRef(long Code, string Name, string LevelName);

public sealed record Figure(string Key, string Name, long Count);

public sealed record DepartmentFigure(long Id, string Name, long Closed, double OnTimeRate, double AverageHours, double ReworkRate);

public sealed record ChildFigure(long Code, string Name, long Tickets, long People);

public sealed record TodayFigures(long New, long Closed, long Overdue);

// Everything the panorama shows beside the map for one unit and period: counts only, never names.
public sealed record PanoramaFigures(
    UnitRef Unit, List<UnitRef> Path, PanoramaPeriod Period, string PeriodName,
    List<Figure> People, List<Figure> Houses, List<Figure> Units, List<Figure> Focus, List<Figure> Components,
    List<Figure> TicketsBySource, List<Figure> TicketsByState, long Tickets,
    TodayFigures Today, List<DepartmentFigure> Departments, List<ChildFigure> Children, string? ChildLevelName);
