using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Infrastructure.Database;

// One model for SQLite and PostgreSQL; each provider has a subclass only so that its migrations live
// apart (see ProviderContexts.cs). Created by GridDbFactory, never with `new` in feature code.
// It lists no feature entity: each area contributes its entities through its EF configurations
// (found in the assembly) and reaches them with `Set<T>()` or its own extension properties; every
// entity with a grid code gets the data-scope filter by convention (GridDbContext.Scope.cs).
public abstract partial class GridDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<Time.CalendarDay> CalendarDays => Set<Time.CalendarDay>();

    // Who is asking: decides the rows every query sees (the one data-scope filter) and who the audit
    // trail names. Closed by default: a context nobody set up sees nothing.
    internal DataScope Scope { get; set; } = DataScope.Nobody;
    // Asked at save time, not when the context is made: Identity's stores are built during
    // authentication, before the request knows its user.
    internal Func<AuditActor> ActorSource { get; set; } = () => AuditActor.System;
    internal AuditActor Actor => ActorSource();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // DESIGN.md §3.5: enums are stored as strings.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        // Times are stored as UTC; SQLite forgets the kind, so it is put back on reading.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Areas whose schema is more than entity configurations (Identity's tables) add it here.
        foreach (var part in ModelParts.All) part.Apply(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GridDbContext).Assembly);
        ApplyDataScope(builder);
    }
}

// A piece of the model an area contributes as a whole rather than entity by entity. Found in the
// assembly like IEntityTypeConfiguration, so this plumbing names no area.
public interface IModelPart
{
    void Apply(ModelBuilder builder);
}

static class ModelParts
{
    public static readonly IModelPart[] All = typeof(GridDbContext).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IModelPart).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IModelPart)Activator.CreateInstance(t, nonPublic: true)!)
        .ToArray();
}

sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
