using GridGov.Infrastructure;

namespace GridGov.Features.Analytics.Rollups;

static class TallyCodes
{
    // The grid and every unit above it: grid 15 digits, community 12, street 9, district 6, city 4.
    // A ticket without a grid (code 0) is counted under 0 only.
    public static long[] Of(long grid) => grid < 100_000_000_000_000L
        ? [grid]
        : [grid, grid / 1_000, grid / 1_000_000, grid / 1_000_000_000, grid / 100_000_000_000];

    // The China date as yyyymmdd: readable in the table, and a range of days is a range of ints.
    public static int Day(DateTime utc) => Day(ChinaTime.DateOf(utc));

    public static int Day(DateOnly d) => d.Year * 10_000 + d.Month * 100 + d.Day;

    // Each day's figures are also added to its month's row (yyyymm00) and its year's (yyyy0000), so a
    // month or a year is one row per key, not thirty or 365. A range of days must therefore leave out
    // those rows: IsDay.
    public static int[] Spans(int day) => [day, day / 100 * 100, day / 10_000 * 10_000];

    public static int Month(int year, int month) => year * 10_000 + month * 100;

    public static int Year(int year) => year * 10_000;

    public static DateOnly Date(int day) => new(day / 10_000, day / 100 % 100, day % 100);
}
