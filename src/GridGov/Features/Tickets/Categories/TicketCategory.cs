using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Tickets.Categories;

// One class of the two-level category dictionary (GB/T 30428 events and components, plus grid-work
// classes). Majors group minors; tickets are reported against minors, which carry the deadlines.
public class TicketCategory
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public string? ParentCode { get; set; }
    public required string Name { get; set; }
    public CategoryKind Kind { get; set; }
    // Limits as "2h" (working hours) or "3d" (working days); null on majors.
    public string? AcceptLimit { get; set; }
    public string? DispatchLimit { get; set; }
    public string? HandleLimit { get; set; }
    public string? VerifyLimit { get; set; }
    public bool Urgent { get; set; }
    public int RadiusMeters { get; set; }
    // The kind of department (城管, 公安 …) a ticket of this class goes to when no rule says otherwise.
    public string? DepartmentKind { get; set; }
    public bool Enabled { get; set; } = true;

    public bool IsMinor => ParentCode is not null;
}

sealed class TicketCategoryConfiguration : IEntityTypeConfiguration<TicketCategory>
{
    public void Configure(EntityTypeBuilder<TicketCategory> b)
    {
        b.ToTable("TicketCategories");
        b.Property(c => c.Code).HasMaxLength(10);
        b.Property(c => c.ParentCode).HasMaxLength(10);
        b.Property(c => c.Name).HasMaxLength(50);
        b.Property(c => c.AcceptLimit).HasMaxLength(10);
        b.Property(c => c.DispatchLimit).HasMaxLength(10);
        b.Property(c => c.HandleLimit).HasMaxLength(10);
        b.Property(c => c.VerifyLimit).HasMaxLength(10);
        b.Property(c => c.DepartmentKind).HasMaxLength(20);
        b.HasIndex(c => c.Code).IsUnique();
    }
}
