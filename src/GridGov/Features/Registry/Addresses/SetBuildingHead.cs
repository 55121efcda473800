using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Addresses;

public sealed record BuildingHeadRequest(long? PersonId, int? Version = null);

// Names (or clears) a building's 楼栋长 (GB/T 31000 T9): a person of the registry the caller can see;
// the building must be in the caller's area (404 otherwise) and a stale version is refused.
public sealed class SetBuildingHead(GridDbContext db, TimeProvider clock)
{
    public async Task<Result<BuildingHead?>> HandleAsync(long addressId, BuildingHeadRequest r, CancellationToken ct = default)
    {
        var building = await db.Set<Address>().FirstOrDefaultAsync(a => a.Id == addressId, ct);
        if (building is null) return Result<BuildingHead?>.NotFound();
        if (building.Kind != AddressKind.Building) return Result<BuildingHead?>.Invalid("addressId", "只有楼栋可以设置楼栋长");
        if (r.Version is { } v && v != building.Version)
            return Result<BuildingHead?>.Conflict("该楼栋已被他人修改，请刷新后再设置", extensions: new Dictionary<string, object?> { ["version"] = building.Version });
        BuildingHead? head = null;
        if (r.PersonId is { } personId)
        {
            head = await db.Set<Person>().AsNoTracking().Where(p => p.Id == personId && p.State != VerificationState.Removed)
                .Select(p => new BuildingHead(p.Id, p.Name, p.PhoneMasked)).FirstOrDefaultAsync(ct);
            if (head is null) return Result<BuildingHead?>.Invalid("personId", "该人员不存在、已迁出，或不在您的数据范围内");
        }
        if (building.BuildingHeadId == r.PersonId) return Result<BuildingHead?>.Ok(head);
        building.BuildingHeadId = r.PersonId;
        building.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        building.Version++;
        await db.SaveChangesAsync(ct);
        return Result<BuildingHead?>.Ok(head);
    }
}
