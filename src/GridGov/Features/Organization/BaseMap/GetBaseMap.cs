using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Organization.BaseMap;

// The city's base map, for every signed-in user: each page's maps need it.
public sealed class GetBaseMap(BaseMapCache cache)
{
    public async Task<Result<BaseMapDto>> HandleAsync(CancellationToken ct = default) => Result<BaseMapDto>.Ok(await cache.GetAsync(ct));
}
