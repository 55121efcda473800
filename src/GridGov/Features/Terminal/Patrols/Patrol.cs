using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Terminal.Patrols;

// 网格巡查: one walk of a grid worker through their grid, from 开始巡查 to 结束巡查. The phone sends its
// positions every so often (through the outbox, so a dead network delays them but loses none); the
// patrol keeps the totals so lists and coverage need not read every point.
public class Patrol : IGridScoped
{
    public long Id { get; set; }
    public long GridCode { get; set; }
    public long WorkerId { get; set; }
    public string WorkerName { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public double DistanceMeters { get; set; }
    public int PointCount { get; set; }
    public int ScanCount { get; set; }
    public string? Note { get; set; }
}

// A position of a patrol; a point with an address is a door plate scanned on the way.
public class PatrolPoint : IGridScoped
{
    public long Id { get; set; }
    public long PatrolId { get; set; }
    public long GridCode { get; set; }
    public DateTime At { get; set; }
    public double Lon { get; set; }
    public double Lat { get; set; }
    public double? Accuracy { get; set; }
    public long? AddressId { get; set; }
}

sealed class PatrolConfiguration : IEntityTypeConfiguration<Patrol>
{
    public void Configure(EntityTypeBuilder<Patrol> b)
    {
        b.ToTable("Patrols");
        b.Property(p => p.WorkerName).HasMaxLength(50);
        b.Property(p => p.Note).HasMaxLength(500);
        b.HasIndex(p => new { p.GridCode, p.StartedAt });
        b.HasIndex(p => new { p.WorkerId, p.StartedAt });
    }
}

sealed class PatrolPointConfiguration : IEntityTypeConfiguration<PatrolPoint>
{
    public void Configure(EntityTypeBuilder<PatrolPoint> b)
    {
        b.ToTable("PatrolPoints");
        b.HasIndex(p => new { p.PatrolId, p.At });
        b.HasIndex(p => p.GridCode);
    }
}
