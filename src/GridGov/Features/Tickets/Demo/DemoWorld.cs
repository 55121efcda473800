using GridGov.Features.Organization;
using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Dispatching;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace GridGov.Features.Tickets.Demo;

public sealed class DemoGrid(long code, Geometry boundary)
{
    public long Code { get; } = code;
    public Geometry Boundary { get; } = boundary;
    public IPreparedGeometry Prepared { get; } = PreparedGeometryFactory.Prepare(boundary);
}

// Everything the generator draws from, read from the database beforehand so that generating is a
// pure function of this, the seed and the present moment.
public sealed class DemoWorld
{
    public required long District { get; init; }
    // The demo accounts' street and grid, which get extra tickets.
    public required long FocusStreet { get; init; }
    public required long FocusGrid { get; init; }
    // Enabled minor categories, by code.
    public required IReadOnlyList<TicketCategory> Categories { get; init; }
    public required ILookup<string, string> Phrases { get; init; }
    // The district's grids, by code.
    public required IReadOnlyList<DemoGrid> Grids { get; init; }
    // Names of the district and the units below it, down to communities.
    public required IReadOnlyDictionary<long, string> UnitNames { get; init; }
    // Departments of the district and of its streets.
    public required IReadOnlyList<Department> Departments { get; init; }
    public required IReadOnlyList<DispatchRule> Rules { get; init; }
    // Demo accounts by user name (grid, street, acceptor, dispatcher, chief, handler, district).
    public IReadOnlyDictionary<string, DemoAccount> Accounts { get; init; } = new Dictionary<string, DemoAccount>();

    public string NameOf(long code) => UnitNames.GetValueOrDefault(code) ?? code.ToString();

    // A department of the kind at the unit, else at the unit above it (streets have only four kinds).
    public Department? DepartmentFor(string kind, long centre)
    {
        for (long? unit = centre; unit is { } u; unit = OrgCode.Parent(u))
            if (Departments.FirstOrDefault(d => d.OrgUnitCode == u && d.Kind == kind) is { } found) return found;
        return null;
    }
}

public sealed record DemoAccount(long Id, string Name, long? DepartmentId);

// Who does what on one ticket: its command centre's staff, its grid's worker, its departments' staff.
sealed class DemoCast(DemoWorld world, long gridCode)
{
    StepActor Account(string user, string fallback) =>
        world.Accounts.TryGetValue(user, out var a) ? new(a.Id, a.Name) : new(null, fallback);

    bool FocusStreet(long centre) => centre == world.FocusStreet;

    public StepActor Acceptor(long centre) => Centre(centre, "acceptor", "受理员");
    public StepActor Dispatcher(long centre) => Centre(centre, "dispatcher", "派遣员");
    public StepActor Chief(long centre) => Centre(centre, "chief", "值班长");

    StepActor Centre(long centre, string user, string role)
    {
        if (FocusStreet(centre)) return Account(user, world.NameOf(centre) + role);
        if (centre == world.District) return Account("district", world.NameOf(centre) + "指挥中心");
        return new(null, world.NameOf(centre) + role);
    }

    public StepActor GridWorker => gridCode == world.FocusGrid
        ? Account("grid", world.NameOf(gridCode) + "网格员")
        : new(null, DemoText.GridWorker(gridCode) + "（网格员）");

    public StepActor DepartmentStaff(Department d) =>
        world.Accounts.TryGetValue("handler", out var h) && h.DepartmentId == d.Id ? new(h.Id, h.Name) : new(null, d.Name);

    public static readonly StepActor System = StepActor.System;
}
