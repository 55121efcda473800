using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Registry.Permits;

// 居住证 of a floating resident (GB/T 31000 T13's 办证类型 5.12, 登记日期, 证件到期日期, kept here
// with its own history: a renewal is a new permit). Since 2016 the permit's number is the holder's ID
// number, so none is stored twice. Permits about to expire are the community's reminders.
public class ResidencePermit : RegistryRecord
{
    public long PersonId { get; set; }
    // 办证类型 (5.12).
    public string Kind { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public string? IssuedBy { get; set; }
    // Set when the permit is cancelled before its date (the holder left, or a renewal replaced it).
    public DateOnly? CancelledOn { get; set; }

    // How many days before expiry a permit is on the community's reminder list.
    public const int WarnDays = 30;

    // A permit is signed for a year: the date the forms offer until the worker sets another.
    public static DateOnly DefaultExpiry(DateOnly issuedOn) => issuedOn.AddYears(1).AddDays(-1);
}

sealed class ResidencePermitConfiguration : IEntityTypeConfiguration<ResidencePermit>
{
    public void Configure(EntityTypeBuilder<ResidencePermit> b)
    {
        b.ToTable("ResidencePermits");
        b.ConfigureRecord();
        b.Property(p => p.Kind).HasMaxLength(2);
        b.Property(p => p.IssuedBy).HasMaxLength(100);
        b.HasIndex(p => new { p.PersonId, p.IssuedOn }).IsUnique();
        b.HasIndex(p => new { p.ExpiresOn, p.GridCode });
    }
}
