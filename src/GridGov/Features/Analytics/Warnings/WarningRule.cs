using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Analytics.Warnings;

// The four kinds of early warning (docs/early-warning.md has each method, its parameters and source).
public enum WarningKind { Threshold, Spike, Cluster, DeadlineWave }

// EARS methods (Hutwagner et al. 2003): C1 baseline t-7..t-1, C2 t-9..t-3, C3 the last three C2 days.
public enum SpikeMethod { C1, C2, C3 }

// A warning rule kept as data. Its parameters are typed columns; which of them a kind reads is in
// WarningRuleForm (and the document). Rules are a city-wide setting (ADR 0009): every analyst reads
// them, only an account whose scope is the whole city changes them.
public class WarningRule
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public WarningKind Kind { get; set; }
    // The area watched (any level); null: the whole city.
    public long? AreaCode { get; set; }
    // A minor category code or the code of a major ("G0104", "G01"); null: every category.
    public string? CategoryCode { get; set; }
    // Threshold and spike: the level whose units are counted one by one (each community, each street);
    // null: the rule's area as one.
    public OrgLevel? GroupLevel { get; set; }
    // N: tickets that make a warning (threshold, cluster, deadline wave); for a spike the fewest
    // tickets of a day that may alarm, so that 1 after a run of zeros is no "spike".
    public int MinCount { get; set; }
    // The window: threshold W, cluster T, deadline wave H (hours). Spikes count China calendar days.
    public int WindowHours { get; set; }
    // Cluster: R, the radius around a ticket in metres.
    public int? RadiusMeters { get; set; }
    // Spike: the EARS method, its limit (3 for C1/C2, 2 for C3) and the floor of the baseline's sd.
    public SpikeMethod? Method { get; set; }
    public double? Limit { get; set; }
    public double? MinSigma { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

sealed class WarningRuleConfiguration : IEntityTypeConfiguration<WarningRule>
{
    public void Configure(EntityTypeBuilder<WarningRule> b)
    {
        b.ToTable("WarningRules");
        b.Property(r => r.Name).HasMaxLength(50);
        b.Property(r => r.CategoryCode).HasMaxLength(10);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.Name).IsUnique();
    }
}
