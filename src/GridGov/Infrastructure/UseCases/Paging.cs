namespace GridGov.Infrastructure.UseCases;

// The page and page size of every list. A size outside its range and a page below 1 are brought
// into range (lists have always answered so); a page beyond MaxPage is refused, because
// (page - 1) × size would overflow and quietly answer page 1.
public static class Paging
{
    public const int MaxPage = 100_000;

    public static (int Page, int Size, Dictionary<string, string[]>? Errors) Of(int? page, int? pageSize, int defaultSize, int maxSize)
    {
        var size = Math.Clamp(pageSize ?? defaultSize, 1, maxSize);
        if (page > MaxPage) return (1, size, new() { ["page"] = [$"页码须在 1–{MaxPage} 之间"] });
        return (Math.Max(page ?? 1, 1), size, null);
    }
}

// One page of a list and the total of the whole filter.
public sealed record PagedResult<T>(List<T> Items, int Total, int Page, int PageSize);
