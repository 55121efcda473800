using GridGov.Features.Tickets.Categories;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Trends;

// Tickets are reported against minor classes; analysis speaks of major classes (大类, e.g. 市容环境)
// unless one is chosen. The dictionary is small: read whole per question.
public sealed class CategoryGroups
{
    readonly Dictionary<int, (string Code, string Name)> major = [];
    readonly List<TicketCategory> all;

    CategoryGroups(List<TicketCategory> categories)
    {
        all = categories;
        var byCode = categories.ToDictionary(c => c.Code);
        foreach (var c in categories)
            major[c.Id] = c.ParentCode is { } p && byCode.TryGetValue(p, out var m) ? (m.Code, m.Name) : (c.Code, c.Name);
    }

    public static async Task<CategoryGroups> LoadAsync(GridDbContext db, CancellationToken ct) =>
        new(await db.Set<TicketCategory>().AsNoTracking().ToListAsync(ct));

    public (string Code, string Name) MajorOf(int id) => major.GetValueOrDefault(id, ("", "未分类"));

    // The ids a chosen code stands for: a major class and all its minors, or one minor; null: unknown.
    public int[]? IdsOf(string code) =>
        all.Any(c => c.Code == code) ? [.. all.Where(c => c.Code == code || c.ParentCode == code).Select(c => c.Id)] : null;

    public string? NameOf(string code) => all.FirstOrDefault(c => c.Code == code)?.Name;

    public List<(string Code, string Name)> Majors() => [.. all.Where(c => c.ParentCode is null).OrderBy(c => c.Code).Select(c => (c.Code, c.Name))];
}
