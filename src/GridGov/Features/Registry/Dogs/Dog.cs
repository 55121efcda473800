using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Registry.Dogs;

// 养犬登记: a dog, its keeper (a person in the registry) and where it is kept; the licence and the
// rabies vaccination each have a date after which the keeper is reminded. Large and dangerous breeds
// (大型犬/烈性犬) are banned in city centres by most local rules and are flagged.
public class Dog : RegistryRecord
{
    public long? KeeperId { get; set; }
    public string? KeeperName { get; set; }
    public long? AddressId { get; set; }
    public string? Name { get; set; }
    public string Breed { get; set; } = "";
    public string? Colour { get; set; }
    // GB/T 2261.1 性别 codes: 1 公, 2 母.
    public string? Gender { get; set; }
    public DateOnly? BornOn { get; set; }
    public bool Restricted { get; set; }
    public string? LicenceNo { get; set; }
    public DateOnly? LicenceExpires { get; set; }
    public DateOnly? VaccinatedOn { get; set; }
    public string? ChipNo { get; set; }
}

sealed class DogConfiguration : IEntityTypeConfiguration<Dog>
{
    public void Configure(EntityTypeBuilder<Dog> b)
    {
        b.ToTable("Dogs");
        b.ConfigureRecord();
        b.Property(d => d.KeeperName).HasMaxLength(50);
        b.Property(d => d.Name).HasMaxLength(30);
        b.Property(d => d.Breed).HasMaxLength(30);
        b.Property(d => d.Colour).HasMaxLength(20);
        b.Property(d => d.Gender).HasMaxLength(1);
        b.Property(d => d.LicenceNo).HasMaxLength(30);
        b.Property(d => d.ChipNo).HasMaxLength(30);
        b.HasIndex(d => d.LicenceNo).IsUnique();
        b.HasIndex(d => d.KeeperId);
        b.HasIndex(d => new { d.LicenceExpires, d.GridCode });
    }
}
