using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Registry.Addresses;

// The levels of a standard address below the community: 街路巷 or 小区 → 楼栋 → 单元 → 户室.
public enum AddressKind { Road, Compound, Building, Unit, Room }

// A standard address (标准地址). Its code is the community's 12-digit code followed by one fixed-width
// serial per level (AddressCodes), so a subtree is a prefix; its grid puts it in the data scope; its
// point places it on the map. Buildings carry their floors and their 楼栋长 (GB/T 31000 T9).
public class Address : RegistryRecord
{
    public long? ParentId { get; set; }
    public AddressKind Kind { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    // The whole address below the community, as people write it: 兰园小区3栋2单元501室.
    public string FullName { get; set; } = "";
    public long CommunityCode { get; set; }
    public double? Lon { get; set; }
    public double? Lat { get; set; }
    public int? Floors { get; set; }
    public long? BuildingHeadId { get; set; }
}

sealed class AddressConfiguration : IEntityTypeConfiguration<Address>
{
    public void Configure(EntityTypeBuilder<Address> b)
    {
        b.ToTable("Addresses");
        b.ConfigureRecord();
        b.Property(a => a.Code).HasMaxLength(AddressCodes.MaxLength);
        b.Property(a => a.Name).HasMaxLength(60);
        b.Property(a => a.FullName).HasMaxLength(200);
        b.HasIndex(a => a.Code).IsUnique();
        b.HasIndex(a => a.ParentId);
        b.HasIndex(a => new { a.CommunityCode, a.FullName });
        // Imports match rows to addresses by their full text.
        b.HasIndex(a => a.FullName);
    }
}

// Serial widths per level: up to 999 roads or compounds in a community, 999 buildings in one,
// 99 entrances, 9999 rooms.
public static class AddressCodes
{
    public const int MaxLength = 12 + 3 + 3 + 2 + 4;

    public static int Width(AddressKind kind) => kind switch
    {
        AddressKind.Road or AddressKind.Compound => 3,
        AddressKind.Building => 3,
        AddressKind.Unit => 2,
        _ => 4,
    };

    public static string Child(string parentCode, AddressKind kind, int serial) =>
        parentCode + serial.ToString(new string('0', Width(kind)), System.Globalization.CultureInfo.InvariantCulture);

    // 3栋 → 3, 501室 → 501, 12号 → 12; null for a name without a number that fits the level.
    public static int? SerialOf(string name, AddressKind kind)
    {
        var digits = new string([.. name.TakeWhile(char.IsAsciiDigit)]);
        return digits.Length is > 0 and <= 4 && int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
            && n < Math.Pow(10, Width(kind)) ? n : null;
    }

    public static string KindName(AddressKind kind) => kind switch
    {
        AddressKind.Road => "街路巷",
        AddressKind.Compound => "小区",
        AddressKind.Building => "楼栋",
        AddressKind.Unit => "单元",
        _ => "户室",
    };
}
