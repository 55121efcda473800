using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Infrastructure.Database;

// One link of the audit chain: Hash = SM3(canonical fields + PrevHash), so a changed or removed
// record breaks the chain at that point (VerifyAudit).
public class AuditRecord : IGridScoped
{
    public long Seq { get; set; }
    public DateTime At { get; set; }
    public long? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string? Ip { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string EntityKey { get; set; } = "";
    // The place the change belongs to (the record's own grid code, else the actor's unit).
    public long GridCode { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> b)
    {
        b.HasKey(a => a.Seq);
        b.Property(a => a.Seq).ValueGeneratedNever();
        b.Property(a => a.ActorName).HasMaxLength(100);
        b.Property(a => a.Ip).HasMaxLength(64);
        b.Property(a => a.Action).HasMaxLength(20);
        b.Property(a => a.EntityType).HasMaxLength(60);
        b.Property(a => a.EntityKey).HasMaxLength(100);
        b.Property(a => a.PrevHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => a.GridCode);
        b.HasIndex(a => a.At);
        // "Self only" sees what it did itself.
        b.HasDataScope(s => s.OwnedBy(a => a.ActorId));
    }
}

// One row whose update, first thing in an audited transaction, makes every writer (any process, any
// node) wait for the previous one to commit before it reads the head of the chain.
public class AuditHead
{
    public int Id { get; set; }
    public long Version { get; set; }
}

sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> b)
    {
        b.Property(h => h.Id).ValueGeneratedNever();
        b.HasData(new AuditHead { Id = 1, Version = 0 });
    }
}

public sealed record AuditActor(long? UserId, string Name, long UnitCode, string? Ip)
{
    public static readonly AuditActor System = new(null, "system", 0, null);
    // Writes made before anyone signed in: sign-in attempts (failure counters, last login).
    public const string AnonymousName = "anonymous";

    public static AuditActor From(CurrentUser user) => user.UserId is { } id
        ? new AuditActor(id, user.UserName ?? id.ToString(), user.UnitCode, user.Ip)
        : new AuditActor(null, user.Ip is null ? System.Name : AnonymousName, 0, user.Ip);
}
