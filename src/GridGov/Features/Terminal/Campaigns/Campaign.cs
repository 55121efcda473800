using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Terminal.Campaigns;

// What a campaign's tasks are about: each target grid, or each target address.
public enum CampaignTargetKind { Grids, Addresses }

// 重点专项工作: a street or community publishes a piece of work for a period (an 出租房屋安全排查,
// a 消防隐患专项 …) with a checklist; it becomes one task per target for the workers concerned. The
// campaign carries the publisher's unit code, padded to 15 digits, as its grid code: the publisher's
// area sees it, a grid worker sees only their tasks.
public class Campaign : IGridScoped
{
    public long Id { get; set; }
    public long GridCode { get; set; }
    public long UnitCode { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    // The checklist items, one per line.
    public string Checklist { get; set; } = "";
    public CampaignTargetKind TargetKind { get; set; }
    public long PublishedById { get; set; }
    public string PublishedByName { get; set; } = "";
    public DateTime PublishedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int Version { get; set; }
}

public enum CampaignTaskState { Pending, Done }

// One target of a campaign: a grid, or an address within a grid. Done with the checklist's answers,
// a note, photos and where it was done.
public class CampaignTask : IGridScoped
{
    public long Id { get; set; }
    public long CampaignId { get; set; }
    public long GridCode { get; set; }
    public long? AddressId { get; set; }
    public string Target { get; set; } = "";
    public CampaignTaskState State { get; set; }
    public DateTime? DoneAt { get; set; }
    public long? DoneById { get; set; }
    public string? DoneByName { get; set; }
    // The checklist's answers in its order: "1" done / "0" not applicable or found wanting.
    public string? Answers { get; set; }
    public string? Note { get; set; }
    public string? Photos { get; set; }
    public double? Lon { get; set; }
    public double? Lat { get; set; }
    public int Version { get; set; }
}

sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("Campaigns");
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.Description).HasMaxLength(2000);
        b.Property(c => c.Checklist).HasMaxLength(4000);
        b.Property(c => c.PublishedByName).HasMaxLength(50);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.GridCode, c.EndsOn });
    }
}

sealed class CampaignTaskConfiguration : IEntityTypeConfiguration<CampaignTask>
{
    public void Configure(EntityTypeBuilder<CampaignTask> b)
    {
        b.ToTable("CampaignTasks");
        b.Property(t => t.Target).HasMaxLength(200);
        b.Property(t => t.DoneByName).HasMaxLength(50);
        b.Property(t => t.Answers).HasMaxLength(200);
        b.Property(t => t.Note).HasMaxLength(1000);
        b.Property(t => t.Photos).HasMaxLength(1000);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => new { t.CampaignId, t.GridCode });
        b.HasIndex(t => new { t.GridCode, t.State });
    }
}
