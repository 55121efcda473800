using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Registry.People;

// 实有人口: residency types of DESIGN.md §2 (户籍, 流动, 寄住, 境外).
public enum ResidencyType { Registered, Floating, Lodger, Foreigner }

// A person: the base block shared by every person class of GB/T 31000-2015 (its 19 "人口信息基本字段",
// coded fields as the standard's code strings), keyed by the ID number, plus where the person lives.
// The ID and phone numbers are stored only encrypted (SM4), found by their keyed hash, and shown
// masked (the masked form is stored: lists never decrypt).
public class Person : RegistryRecord
{
    // GA/T 517 证件代码: 111 居民身份证; foreigners carry a passport (414) or another document.
    public string IdType { get; set; } = "111";
    public string IdCipher { get; set; } = "";
    public string IdHash { get; set; } = "";
    public string IdMasked { get; set; } = "";
    public string Name { get; set; } = "";
    public string? FormerName { get; set; }
    public string Gender { get; set; } = "0";
    public DateOnly? BirthDate { get; set; }
    public string? Ethnicity { get; set; }
    public string? NativePlace { get; set; }
    public string? Marital { get; set; }
    public string? Political { get; set; }
    public string? Education { get; set; }
    public string? Religion { get; set; }
    public string? OccupationCategory { get; set; }
    public string? Occupation { get; set; }
    public string? Workplace { get; set; }
    public string? PhoneCipher { get; set; }
    public string? PhoneHash { get; set; }
    public string? PhoneMasked { get; set; }
    public string? RegisteredPlace { get; set; }
    public string? RegisteredAddress { get; set; }
    public string? CurrentPlace { get; set; }
    public string? CurrentAddress { get; set; }
    public ResidencyType Residency { get; set; }
    public long? AddressId { get; set; }
}

sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("People");
        // (GridCode, Name) below serves the grid range; every index costs each of a city's 10 M inserts.
        b.ConfigureRecord(gridIndex: false);
        b.Property(p => p.IdType).HasMaxLength(3);
        b.Property(p => p.IdCipher).HasMaxLength(120);
        b.Property(p => p.IdHash).HasMaxLength(32);
        b.Property(p => p.IdMasked).HasMaxLength(40);
        b.Property(p => p.Name).HasMaxLength(50);
        b.Property(p => p.FormerName).HasMaxLength(50);
        b.Property(p => p.Gender).HasMaxLength(1);
        b.Property(p => p.Ethnicity).HasMaxLength(2);
        b.Property(p => p.NativePlace).HasMaxLength(6);
        b.Property(p => p.Marital).HasMaxLength(2);
        b.Property(p => p.Political).HasMaxLength(2);
        b.Property(p => p.Education).HasMaxLength(2);
        b.Property(p => p.Religion).HasMaxLength(2);
        b.Property(p => p.OccupationCategory).HasMaxLength(5);
        b.Property(p => p.Occupation).HasMaxLength(30);
        b.Property(p => p.Workplace).HasMaxLength(100);
        b.Property(p => p.PhoneCipher).HasMaxLength(120);
        b.Property(p => p.PhoneHash).HasMaxLength(32);
        b.Property(p => p.PhoneMasked).HasMaxLength(20);
        b.Property(p => p.RegisteredPlace).HasMaxLength(6);
        b.Property(p => p.RegisteredAddress).HasMaxLength(80);
        b.Property(p => p.CurrentPlace).HasMaxLength(6);
        b.Property(p => p.CurrentAddress).HasMaxLength(80);
        // One person, one record, city-wide: the hash is of the document type and number.
        b.HasIndex(p => p.IdHash).IsUnique();
        b.HasIndex(p => p.PhoneHash);
        b.HasIndex(p => new { p.GridCode, p.Name });
        b.HasIndex(p => p.AddressId);
    }
}
