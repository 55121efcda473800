using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GridGov.Infrastructure.Database;

// Something kept in step with the rows a save writes, in the same transaction: an area's rollup
// tables, say, which must never disagree with the rows they count. Found in the assembly like
// IModelPart, so this plumbing names no area.
public interface IWriteWatcher
{
    // Called before the rows are written, while the change tracker still knows the old values;
    // null when this save changes nothing the watcher keeps.
    IWatchedWrite? Capture(ChangeTracker tracker);

    // Rows BulkWriter inserted, outside the change tracker.
    IWatchedWrite? Inserted(IReadOnlyList<object> rows);
}

// What a watcher writes for one save, inside its transaction, after the rows themselves.
public interface IWatchedWrite
{
    Task ApplyAsync(GridDbContext db, CancellationToken ct);
}

static class WriteWatchers
{
    public static readonly IWriteWatcher[] All = typeof(GridDbContext).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IWriteWatcher).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IWriteWatcher)Activator.CreateInstance(t, nonPublic: true)!)
        .ToArray();
}
