using GridGov.Features.Organization;
using GridGov.Features.Registry.Houses;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Addresses;

public sealed record AddressNode(long Id, AddressKind Kind, string KindName, string Name, string FullName, string Code, bool HasChildren);

public sealed record AddressResident(long PersonId, string Name, string IdMasked, string Role, string? RelationToHead);

public sealed record AddressDetail(long Id, AddressKind Kind, string KindName, string Name, string FullName, string Code, long CommunityCode,
    string? CommunityName, long GridCode, string? GridName, double? Lon, double? Lat, string TerminalPath, int? Floors, int Children,
    string? HouseUse, double? AreaM2, bool Overcrowded, List<AddressResident> Residents, BuildingHead? Head = null, int Version = 0, HouseInfo? House = null);

// The house at a room, as its edit form needs it (codes, not names).
public sealed record HouseInfo(long Id, HouseUse Use, string? BuildingUse, double? AreaM2, string? OwnerName, string? RentalPurpose, string? HazardType,
    int Tenants, int Version);

// 楼栋长 (GB/T 31000 T9) of a building: a registry person, shown masked.
public sealed record BuildingHead(long PersonId, string Name, string? PhoneMasked);

// The standard addresses of a community as a tree (one level at a time), and one address with its house
// and the people in it (masked). Within the caller's scope: 404 outside it.
public sealed class ListAddresses(GridDbContext db)
{
    public async Task<Result<List<AddressNode>>> HandleAsync(long? community, long? parent, CancellationToken ct = default)
    {
        if (community is null && parent is null) return Result<List<AddressNode>>.Invalid("community", "请指定社区（community）或上级地址（parent）");
        var rows = db.Set<Address>().AsNoTracking().Where(a => a.State != VerificationState.Removed);
        rows = parent is { } p ? rows.Where(a => a.ParentId == p) : rows.Where(a => a.CommunityCode == community && a.ParentId == null);
        var items = await rows.OrderBy(a => a.Code)
            .Select(a => new { a.Id, a.Kind, a.Name, a.FullName, a.Code, HasChildren = db.Set<Address>().Any(c => c.ParentId == a.Id) })
            .ToListAsync(ct);
        return Result<List<AddressNode>>.Ok([.. items.Select(a => new AddressNode(a.Id, a.Kind, AddressCodes.KindName(a.Kind), a.Name, a.FullName, a.Code, a.HasChildren))]);
    }
}

public sealed class GetAddress(GridDbContext db, Places places, Codes.CodeBook codes)
{
    public static string TerminalPath(string code) => $"/m/a/{code}";

    public async Task<Result<AddressDetail>> HandleAsync(long id, CancellationToken ct = default) =>
        await db.Set<Address>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } a ? Result<AddressDetail>.Ok(await DetailAsync(a, ct)) : Result<AddressDetail>.NotFound();

    public async Task<Result<AddressDetail>> ByCodeAsync(string code, CancellationToken ct = default) =>
        await db.Set<Address>().AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct) is { } a ? Result<AddressDetail>.Ok(await DetailAsync(a, ct)) : Result<AddressDetail>.NotFound();

    async Task<AddressDetail> DetailAsync(Address a, CancellationToken ct)
    {
        var children = await db.Set<Address>().CountAsync(c => c.ParentId == a.Id, ct);
        var house = await db.Set<House>().AsNoTracking().FirstOrDefaultAsync(h => h.AddressId == a.Id, ct);
        var residents = house is null ? [] : await (
            from o in db.Set<HouseOccupant>()
            join p in db.Set<Person>() on o.PersonId equals p.Id
            where o.HouseId == house.Id && o.State != VerificationState.Removed
            orderby o.Role == OccupantRole.Owner ? 0 : 1, p.Id
            select new { p.Id, p.Name, p.IdMasked, o.Role, o.RelationToHead }).ToListAsync(ct);
        return new(a.Id, a.Kind, AddressCodes.KindName(a.Kind), a.Name, a.FullName, a.Code, a.CommunityCode, await places.NameAsync(a.CommunityCode, ct),
            a.GridCode, await places.NameAsync(a.GridCode, ct), a.Lon, a.Lat, TerminalPath(a.Code), a.Floors, children,
            house is null ? null : HouseNames.Use(house.Use), house?.AreaM2, house?.Overcrowded ?? false,
            [.. residents.Select(r => new AddressResident(r.Id, r.Name, r.IdMasked, HouseNames.Role(r.Role), codes[Codes.CodeBook.Relation].NameOf(r.RelationToHead) ?? r.RelationToHead))],
            a.BuildingHeadId is { } head ? await db.Set<Person>().AsNoTracking().Where(p => p.Id == head)
                .Select(p => new BuildingHead(p.Id, p.Name, p.PhoneMasked)).FirstOrDefaultAsync(ct) : null,
            a.Version,
            house is null ? null : new HouseInfo(house.Id, house.Use, house.BuildingUse, house.AreaM2, house.OwnerName, house.RentalPurpose, house.HazardType,
                house.Tenants, house.Version));
    }
}

public static class HouseNames
{
    public static string Use(HouseUse u) => u switch
    {
        HouseUse.OwnerOccupied => "自住", HouseUse.Rented => "出租", HouseUse.GroupRented => "群租", HouseUse.Vacant => "空置", HouseUse.Business => "经营", _ => "其他",
    };

    public static string Role(OccupantRole r) => r switch
    {
        OccupantRole.Owner => "房主", OccupantRole.Family => "家庭成员", OccupantRole.Tenant => "承租人", _ => "寄住",
    };
}
