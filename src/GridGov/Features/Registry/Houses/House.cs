using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Registry.Houses;

// 实有房屋 use: every house, not only the standard's 出租房 (T16).
public enum HouseUse { OwnerOccupied, Rented, GroupRented, Vacant, Business, Other }

// A house at a room-level address, with the rental fields of GB/T 31000 T16 as codes (建筑用途 5.17,
// 出租用途 5.18, 隐患类型 5.19). Overcrowded (群租) is derived from its tenants against its area.
public class House : RegistryRecord
{
    public long AddressId { get; set; }
    public HouseUse Use { get; set; }
    public string? BuildingUse { get; set; }
    public double? AreaM2 { get; set; }
    public long? OwnerId { get; set; }
    public string? OwnerName { get; set; }
    public string? RentalPurpose { get; set; }
    public string? HazardType { get; set; }
    public int Tenants { get; set; }
    public bool Overcrowded { get; set; }

    // Local rules on group renting (上海、北京、南京 alike) set a floor of living area per tenant; a
    // rented house below it, or with more than this many tenants when its area is unknown, is 群租.
    public const double MinAreaPerTenant = 5;
    public const int MaxTenantsUnknownArea = 10;

    // The use a house is registered with: a rented house that is overcrowded is 群租, whatever was said.
    public static (HouseUse Use, bool Overcrowded) Classify(HouseUse use, int tenants, double? area)
    {
        var overcrowded = use == HouseUse.GroupRented || IsOvercrowded(tenants, area);
        return (overcrowded && use == HouseUse.Rented ? HouseUse.GroupRented : use, overcrowded);
    }

    public static bool IsOvercrowded(int tenants, double? area) => tenants > 0
        && (area is > 0 ? area.Value / tenants < MinAreaPerTenant : tenants > MaxTenantsUnknownArea);
}

// Who lives in or owns a house: owner, family member, tenant or lodger, with GB/T 4761 与户主关系.
public enum OccupantRole { Owner, Family, Tenant, Lodger }

public class HouseOccupant : RegistryRecord
{
    public long HouseId { get; set; }
    public long PersonId { get; set; }
    public OccupantRole Role { get; set; }
    public string? RelationToHead { get; set; }
}

sealed class HouseConfiguration : IEntityTypeConfiguration<House>
{
    public void Configure(EntityTypeBuilder<House> b)
    {
        b.ToTable("Houses");
        b.ConfigureRecord();
        b.Property(h => h.BuildingUse).HasMaxLength(2);
        b.Property(h => h.RentalPurpose).HasMaxLength(2);
        b.Property(h => h.HazardType).HasMaxLength(2);
        b.Property(h => h.OwnerName).HasMaxLength(50);
        b.HasIndex(h => h.AddressId).IsUnique();
        b.HasIndex(h => new { h.Use, h.GridCode });
    }
}

sealed class HouseOccupantConfiguration : IEntityTypeConfiguration<HouseOccupant>
{
    public void Configure(EntityTypeBuilder<HouseOccupant> b)
    {
        b.ToTable("HouseOccupants");
        b.ConfigureRecord();
        b.Property(o => o.RelationToHead).HasMaxLength(2);
        b.HasIndex(o => new { o.HouseId, o.PersonId }).IsUnique();
        b.HasIndex(o => o.PersonId);
    }
}
