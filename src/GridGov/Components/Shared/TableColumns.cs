namespace GridGov.Components.Shared;

// The columns of a list and which of them show (the column picker's model). Key columns are always
// shown: they are the ones that must fit a 1366×768 screen; the others are off until picked.
public sealed class TableColumns(params TableColumn[] columns)
{
    readonly HashSet<string> shown = [.. columns.Where(c => c.Key || c.Shown).Select(c => c.Id)];

    public IReadOnlyList<TableColumn> All { get; } = columns;

    public bool Shows(string id) => shown.Contains(id);

    public void Set(string id, bool show)
    {
        if (All.FirstOrDefault(c => c.Id == id) is not { Key: false }) return;
        if (show) shown.Add(id); else shown.Remove(id);
    }
}

// `Key`: always shown, not in the picker. `Shown`: an optional column that starts shown.
public sealed record TableColumn(string Id, string Title, bool Key = false, bool Shown = false);
