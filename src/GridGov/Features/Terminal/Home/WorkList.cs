using GridGov.Infrastructure.Places;

namespace GridGov.Features.Terminal.Home;

// Whose list it is: a grid worker (or any field account) and the unit they work in.
public sealed record Worker(long Id, string Name, long UnitCode, string UnitName)
{
    // Their area as one code range: the grid, or the community for a community's staff.
    [System.Text.Json.Serialization.JsonIgnore]
    public (long From, long To) Range => OrgCode.Subtree(UnitCode);
}

// One kind of work on the list: what waits (pending), how much of it is late, what was done today.
public sealed record WorkItem(string Kind, string Title, string Link, int Pending, int Overdue, int DoneToday, string? Hint = null);

public sealed record WorkList(Worker Worker, bool Own, List<WorkItem> Items)
{
    public int Pending => Items.Sum(i => i.Pending);
    public int Overdue => Items.Sum(i => i.Overdue);
    public int DoneToday => Items.Sum(i => i.DoneToday);
}

// Each kind of terminal work counts itself for a worker; the home page and the team lists add them
// up. Counted through the caller's own data scope, so a supervisor never counts beyond their area.
public interface IWorkCounter
{
    // Where the kind appears on the list.
    int Order { get; }
    Task<WorkItem> CountAsync(Worker worker, DateTime now, CancellationToken ct);
}
