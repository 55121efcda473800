using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Tickets.Categories;

public sealed record CategoryDto(string Code, string? ParentCode, string Name, CategoryKind Kind, string? AcceptLimit, string? DispatchLimit,
    string? HandleLimit, string? VerifyLimit, bool Urgent, int RadiusMeters, string? DepartmentKind, bool Enabled);

// The dictionary of event classes, for everyone who works with tickets (from memory).
public sealed class ListCategories(CategoryCatalog catalog)
{
    public Task<Result<List<CategoryDto>>> HandleAsync() => Task.FromResult(Result<List<CategoryDto>>.Ok([.. catalog.All.Select(ToDto)]));

    public static CategoryDto ToDto(TicketCategory c) => new(c.Code, c.ParentCode, c.Name, c.Kind, c.AcceptLimit, c.DispatchLimit,
        c.HandleLimit, c.VerifyLimit, c.Urgent, c.RadiusMeters, c.DepartmentKind, c.Enabled);
}
