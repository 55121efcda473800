using GridGov.Features.Organization;
using GridGov.Features.Tickets.Categories;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Tickets.Duplicates;

public sealed record DraftReport(string? CategoryCode, string? Description, double? Lon, double? Lat, long? GridCode);

// "已有人上报？": before a report is sent, the open tickets around it that look like the same problem
// (SimilarTickets, the same search a written ticket gets), so the reporter can join one instead of
// filing it again. Only tickets the caller may see are offered.
public sealed class FindSimilarToDraft(CategoryCatalog categories, Places places, SimilarTickets similar, CurrentUser user)
{
    public async Task<Result<List<DuplicateCandidate>>> HandleAsync(DraftReport r, CancellationToken ct = default)
    {
        var description = (r.Description ?? "").Trim();
        if (description.Length < 2) return Result<List<DuplicateCandidate>>.Ok([]);
        long grid = 0;
        if (r.Lon is { } lon && r.Lat is { } lat && await places.GridAtAsync(lon, lat, ct) is { } at) grid = at;
        else if (r.GridCode is { } given) grid = given;
        if (grid == 0 || !user.Scope.Contains(grid)) return Result<List<DuplicateCandidate>>.Ok([]);
        var draft = new Ticket
        {
            CategoryId = categories.Find(r.CategoryCode)?.Id ?? 0, Description = description, Lon = r.Lon, Lat = r.Lat, GridCode = grid,
            AcceptLimit = "", DispatchLimit = "", HandleLimit = "", VerifyLimit = "",
        };
        return Result<List<DuplicateCandidate>>.Ok(await similar.FindAsync(draft, ct));
    }
}
