using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Codes;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Houses;

public sealed record HouseForm(HouseUse Use, string? BuildingUse = null, double? AreaM2 = null, string? OwnerName = null, string? RentalPurpose = null,
    string? HazardType = null, int? Tenants = null, int? Version = null);

public sealed record HouseSaved(long Id, HouseUse Use, bool Overcrowded, int Version);

// The house at a room-level address, registered or corrected by hand: use, the T16 codes (by name or
// code), area, owner's name, tenants; 群租 follows from tenants against area, as in an import.
public sealed class SaveHouse(GridDbContext db, CodeBook codes, TimeProvider clock)
{
    public async Task<Result<HouseSaved>> HandleAsync(long addressId, HouseForm f, CancellationToken ct = default)
    {
        var address = await db.Set<Address>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == addressId, ct);
        if (address is null) return Result<HouseSaved>.NotFound();
        var errors = new Dictionary<string, string[]>();
        if (address.Kind != AddressKind.Room) errors["addressId"] = [$"房屋应登记在户室一级的地址上，“{address.FullName}”是{AddressCodes.KindName(address.Kind)}"];
        if (!Enum.IsDefined(f.Use)) errors["use"] = ["房屋用途应为自住、出租、群租、空置、经营或其他"];
        if (f.AreaM2 is { } area && area is <= 0 or >= 100_000) errors["areaM2"] = ["建筑面积应为大于 0 的平方米数"];
        if (f.Tenants is { } t && t is < 0 or > 999) errors["tenants"] = ["承租人数应为 0–999"];
        if (f.OwnerName is { Length: > 50 }) errors["ownerName"] = ["房主姓名不能超过 50 个字"];
        string? Coded(string field, string? value, string table)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            var code = codes[table].Resolve(value.Trim());
            if (code is null) errors[field] = [$"“{value}”不是{table}代码表中的值"];
            return code;
        }
        var buildingUse = Coded("buildingUse", f.BuildingUse, "建筑用途");
        var rental = Coded("rentalPurpose", f.RentalPurpose, "出租用途");
        var hazard = Coded("hazardType", f.HazardType, "隐患类型");
        if (errors.Count > 0) return Result<HouseSaved>.Invalid(errors);

        var house = await db.Set<House>().FirstOrDefaultAsync(h => h.AddressId == addressId, ct);
        if (house is not null && f.Version is { } v && v != house.Version)
            return Result<HouseSaved>.Conflict("该房屋已被他人修改，请刷新后再保存", extensions: new Dictionary<string, object?> { ["version"] = house.Version });
        var now = clock.GetUtcNow().UtcDateTime;
        var isNew = house is null;
        house ??= new House
        {
            AddressId = addressId, GridCode = address.GridCode, Source = RecordSource.Collected, SourceSystem = "人工采集", State = VerificationState.Pending,
            CreatedAt = now, UpdatedAt = now,
        };
        var tenants = f.Tenants ?? 0;
        var (use, overcrowded) = House.Classify(f.Use, tenants, f.AreaM2);
        (house.Use, house.BuildingUse, house.AreaM2, house.OwnerName, house.RentalPurpose, house.HazardType, house.Tenants, house.Overcrowded) =
            (use, buildingUse, f.AreaM2, string.IsNullOrWhiteSpace(f.OwnerName) ? null : f.OwnerName.Trim(),
             rental, hazard, tenants, overcrowded);
        if (isNew) db.Add(house);
        else if (db.Entry(house).State == EntityState.Modified) { house.UpdatedAt = now; house.Version++; }
        await db.SaveChangesAsync(ct);
        return Result<HouseSaved>.Ok(new(house.Id, house.Use, house.Overcrowded, house.Version));
    }
}
