namespace GridGov.Features.Analytics.Keywords;

// ?unit=&from=&to=&top=: unit defaults to the caller's own, the period (China dates, both included) to the
// last 30 days, top to 20.
public sealed record KeywordQuery(long? Unit = null, string? From = null, string? To = null, int? Top = null);

public sealed record KeywordWordQuery(string? Word = null, long? Unit = null, string? From = null, string? To = null, int? Page = null, int? PageSize = null);

// One keyword of a period: its TF-IDF weight, the tickets it was in, those of the previous period of the
// same length, and the change between them (Change null when the previous period had none: ChangeText
// then says 新出现).
public sealed record HotKeyword(string Word, double Weight, int Count, int PreviousCount, double? Change, string ChangeText);

public sealed record HotKeywords(long UnitCode, string UnitName, DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo,
    int Tickets, int PreviousTickets, int ReferenceTickets, List<HotKeyword> Keywords, List<HotKeyword> Rises);

// Count: tickets with the word in the day or week from Start; Tickets: all tickets then.
public sealed record KeywordTrendPoint(DateOnly Start, string Label, int Count, int Tickets);

public sealed record KeywordTrend(string Word, long UnitCode, string UnitName, DateOnly From, DateOnly To, string Granularity, List<KeywordTrendPoint> Points);
