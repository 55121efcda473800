namespace GridGov.Features.Analytics.Trends;

// GET /api/v1/analytics/trends?unit=&step=Day|Week|Month&from=&to=&by=None|Source|Category|State|Area&category=&source=
public sealed record TrendQuery(long? Unit, string? Step, string? From, string? To, string? By, string? Category, string? Source);

public sealed record TrendReport(
    long UnitCode, string UnitName, string Step, DateOnly From, DateOnly To, string By, string FilterText,
    List<TrendPoint> Points, List<TrendSeries> Series,
    TrendTotal Total, List<TrendRise> CategoryRises, List<TrendRise> AreaRises);

// One bucket: its tickets, 环比 against the bucket before, 同比 against the same bucket a year earlier.
public sealed record TrendPoint(string Label, DateOnly From, DateOnly To, long Count, Growth MonthOnMonth, Growth YearOnYear);

// The counts per bucket of one source, state, major category or child unit (by=…), largest first.
public sealed record TrendSeries(string Key, string Name, long[] Counts);

// The whole period beside the period of the same length before it and the same period a year earlier.
public sealed record TrendTotal(long Count, DateOnly PreviousFrom, DateOnly PreviousTo, Growth MonthOnMonth,
    DateOnly LastYearFrom, DateOnly LastYearTo, Growth YearOnYear);

// A major category or a child unit whose tickets rose most over the period before.
public sealed record TrendRise(string Key, string Name, Growth Growth);
