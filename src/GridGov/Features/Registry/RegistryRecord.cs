using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Registry;

// Where a record came from (issue 12 §6): collected by a worker, imported from a file or another system.
public enum RecordSource { Collected, Imported }

// 待核实 → 已核实 / 有误已更正 / 已迁出（注销）: imported records start unverified and become the grid
// worker's door-step tasks.
public enum VerificationState { Pending, Verified, Corrected, Removed }

// What every registry record carries besides its own fields: its grid (the data scope), its source
// (which system and import batch), its verification state with who and when, and a version so that
// two edits never silently overwrite each other. A plain base class: each entity has its own table.
public abstract class RegistryRecord : IGridScoped
{
    public long Id { get; set; }
    public long GridCode { get; set; }
    public RecordSource Source { get; set; }
    public string? SourceSystem { get; set; }
    public long? ImportBatchId { get; set; }
    public VerificationState State { get; set; }
    public string? StateByName { get; set; }
    public long? StateById { get; set; }
    public DateTime? StateAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

static class RegistryRecordConfiguration
{
    // `gridIndex: false` for an entity whose own indexes start with the grid code already.
    public static void ConfigureRecord<T>(this EntityTypeBuilder<T> b, bool gridIndex = true) where T : RegistryRecord
    {
        b.Property(r => r.SourceSystem).HasMaxLength(60);
        b.Property(r => r.StateByName).HasMaxLength(50);
        b.Property(r => r.Version).IsConcurrencyToken();
        if (gridIndex) b.HasIndex(r => r.GridCode);
        b.HasIndex(r => new { r.State, r.GridCode });
    }
}
