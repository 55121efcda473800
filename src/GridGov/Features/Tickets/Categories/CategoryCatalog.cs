using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Categories;

// The category dictionary in memory: read on every intake and every list row, changed rarely (and
// then reloaded), so no query joins it.
public sealed class CategoryCatalog(GridDatabase database)
{
    sealed record Snapshot(IReadOnlyList<TicketCategory> All, Dictionary<int, TicketCategory> ById, Dictionary<string, TicketCategory> ByCode);

    volatile Snapshot snapshot = new([], [], []);

    public IReadOnlyList<TicketCategory> All => snapshot.All;

    public TicketCategory? Get(int id) => snapshot.ById.GetValueOrDefault(id);

    public TicketCategory? Find(string? code) => code is null ? null : snapshot.ByCode.GetValueOrDefault(code.Trim().ToUpperInvariant());

    public string NameOf(int id) => Get(id) is { } c ? c.Name : "—";

    public string CodeOf(int id) => Get(id)?.Code ?? "";

    // "E0505" → "街面秩序 / 机动车乱停放".
    public string PathName(int id) => Get(id) is { } c
        ? (Find(c.ParentCode) is { } p ? $"{p.Name} / {c.Name}" : c.Name) : "—";

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        var all = await db.TicketCategories.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct);
        snapshot = new(all, all.ToDictionary(c => c.Id), all.ToDictionary(c => c.Code));
    }
}
