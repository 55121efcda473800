using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets;

public sealed record NoticeItem(long Id, long TicketId, DateTime At, string Text);

// The caller's unread notices, newest first; the query filter shows each user only their own.
public sealed class ListNotices(GridDbContext db)
{
    public async Task<Result<List<NoticeItem>>> HandleAsync(CancellationToken ct = default) =>
        Result<List<NoticeItem>>.Ok(await db.Notifications.AsNoTracking().Where(n => !n.Read).OrderByDescending(n => n.Id).Take(20)
            .Select(n => new NoticeItem(n.Id, n.TicketId, n.At, n.Text)).ToListAsync(ct));
}
