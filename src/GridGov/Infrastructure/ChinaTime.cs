namespace GridGov.Infrastructure;

// Times are stored in UTC and shown in China Standard Time (DESIGN.md §3.5).
public static class ChinaTime
{
    static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    // A date or time as a person in China means it; a value already marked UTC stays as it is.
    public static DateTime ToUtc(DateTime local) => local.Kind == DateTimeKind.Utc ? local
        : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    // The China date of a UTC time: what "today" means to the people using the system.
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(FromUtc(utc));

    public static string Format(DateTime? utc) => utc is { } t ? FromUtc(t).ToString("yyyy-MM-dd HH:mm:ss") : "—";
}
