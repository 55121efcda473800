using GridGov.Features.Tickets;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Analytics.Rollups;

// The rollups (汇总表) the panorama and the analysis pages read instead of the raw rows. Each row is
// kept for the grid and again for every unit above it (community, street, district, city): `Code` is
// that unit's own code, so a unit's figures are the rows of one code, and its children's are a range
// of codes one level down (ADR 0016). Kept exact in the transaction of every write (TallyWatcher);
// `gridgov rebuild-tallies` recomputes them from the raw rows.

// `Day` is yyyymmdd; yyyymm00 holds the month and yyyy0000 the year (TallyCodes.Spans).
public interface IDayTally
{
    int Day { get; }
}

// Tickets by the China day they were reported, their source and their present state.
public class TicketTally : IDerivedRow, IDayTally
{
    public long Code { get; set; }
    public int Day { get; set; }
    public TicketSource Source { get; set; }
    public TicketState State { get; set; }
    public long Count { get; set; }
}

// What happened on a day, by the lead department: tickets reported, and tickets closed with how
// they were closed (on time, after rework, how long from report to close). Department 0: none.
public class TicketFlowTally : IDerivedRow, IDayTally
{
    public long Code { get; set; }
    public int Day { get; set; }
    public long DepartmentId { get; set; }
    public long Created { get; set; }
    public long Closed { get; set; }
    public long ClosedOnTime { get; set; }
    public long ClosedReworked { get; set; }
    public long CloseMinutes { get; set; }
}

// Tickets by the China day they were reported, their category (the minor class) and source, and how
// many of them are repeat complaints (linked to an earlier ticket of the same problem): what trends
// and the comparison of sources read.
public class CategoryTally : IDerivedRow, IDayTally
{
    public long Code { get; set; }
    public int Day { get; set; }
    public int CategoryId { get; set; }
    public TicketSource Source { get; set; }
    public long Count { get; set; }
    public long Repeats { get; set; }
}

// Tickets with a deadline (those open in a timed stage), by the China day of that deadline: the
// panorama's overdue figure is the rows before today plus today's deadlines already past (DeadlineCount).
// Day rows only (no month or year rows).
public class DeadlineTally : IDerivedRow, IDayTally
{
    public long Code { get; set; }
    public int Day { get; set; }
    public long Count { get; set; }
}

// Registry records in use (not removed), by kind (person, house, unit, focus, component) and key
// (residency type, house use, unit kind, focus kind, component class).
public class RegistryTally : IDerivedRow
{
    public long Code { get; set; }
    public required string Kind { get; set; }
    public required string Key { get; set; }
    public long Count { get; set; }
}

sealed class TicketTallyConfiguration : IEntityTypeConfiguration<TicketTally>
{
    public void Configure(EntityTypeBuilder<TicketTally> b)
    {
        b.ToTable("TicketTallies");
        b.HasKey(t => new { t.Code, t.Day, t.Source, t.State });
    }
}

sealed class TicketFlowTallyConfiguration : IEntityTypeConfiguration<TicketFlowTally>
{
    public void Configure(EntityTypeBuilder<TicketFlowTally> b)
    {
        b.ToTable("TicketFlowTallies");
        b.HasKey(t => new { t.Code, t.Day, t.DepartmentId });
    }
}

sealed class RegistryTallyConfiguration : IEntityTypeConfiguration<RegistryTally>
{
    public void Configure(EntityTypeBuilder<RegistryTally> b)
    {
        b.ToTable("RegistryTallies");
        b.Property(t => t.Kind).HasMaxLength(20);
        b.Property(t => t.Key).HasMaxLength(60);
        b.HasKey(t => new { t.Code, t.Kind, t.Key });
    }
}

sealed class CategoryTallyConfiguration : IEntityTypeConfiguration<CategoryTally>
{
    public void Configure(EntityTypeBuilder<CategoryTally> b)
    {
        b.ToTable("CategoryTallies");
        b.HasKey(t => new { t.Code, t.Day, t.CategoryId, t.Source });
    }
}

sealed class DeadlineTallyConfiguration : IEntityTypeConfiguration<DeadlineTally>
{
    public void Configure(EntityTypeBuilder<DeadlineTally> b)
    {
        b.ToTable("DeadlineTallies");
        b.HasKey(t => new { t.Code, t.Day });
    }
}
