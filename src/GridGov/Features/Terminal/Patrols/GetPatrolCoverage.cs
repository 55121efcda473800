using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace GridGov.Features.Terminal.Patrols;

// 巡查覆盖: for each grid of a unit (a street, community or grid of the caller's area) over a period —
// how many patrols, how far, the last one, and how much of the grid was walked: a lattice of 50 m
// cells is laid over the unit, a cell belongs to the grid holding its centre, and a cell counts as
// visited when any patrol point of the period lies in it (whoever's patrol, of whichever grid: the
// place was seen). A grid without a boundary has no share; a grid no one patrolled is uncovered.
public sealed class GetPatrolCoverage(GridDbContext db, CurrentUser user, ListPatrols list, Places places)
{
    public const int CellMeters = 50;
    public const int MaxDays = 92;
    const double MetersPerDegree = 111_320;

    public async Task<Result<PatrolCoverage>> HandleAsync(PatrolQuery q, CancellationToken ct = default)
    {
        if (!user.Has(Permissions.TerminalTeam)) return Result<PatrolCoverage>.Forbidden("只有社区、街道的网格工作负责人可以查看巡查覆盖情况");
        var unit = q.Unit ?? user.UnitCode;
        if (OrgCode.LevelOf(unit) is { } level && level < OrgLevel.Street)
            return Result<PatrolCoverage>.Invalid("unit", "请选择街道、社区或网格查看巡查覆盖");
        var filtered = await list.FilterAsync(q with { Unit = unit, Worker = null }, MaxDays, ct);
        if (!filtered.Succeeded) return filtered.As<PatrolCoverage>();
        var f = filtered.Value!;
        var (lo, hi) = OrgCode.Subtree(unit);
        var grids = await db.OrgUnits.AsNoTracking().Where(u => u.Level == OrgLevel.Grid && u.Code >= lo && u.Code <= hi)
            .OrderBy(u => u.Code).Select(u => new { u.Code, u.Name }).ToListAsync(ct);
        var totals = await f.Query.GroupBy(p => p.GridCode)
            .Select(g => new { Grid = g.Key, Count = g.Count(), Distance = g.Sum(p => p.DistanceMeters), Last = g.Max(p => p.StartedAt) })
            .ToListAsync(ct);

        var lattice = await LatticeAsync(grids.Select(g => g.Code).ToList(), ct);
        var visited = grids.ToDictionary(g => g.Code, _ => new HashSet<(long, long)>());
        if (lattice is not null)
        {
            var ids = f.Query.Select(p => p.Id);
            await foreach (var p in db.Set<PatrolPoint>().AsNoTracking().Where(p => ids.Contains(p.PatrolId)).Select(p => new { p.Lon, p.Lat }).AsAsyncEnumerable().WithCancellation(ct))
            {
                var cell = lattice.Cell(p.Lon, p.Lat);
                if (lattice.Owner.TryGetValue(cell, out var grid)) visited[grid].Add(cell);
            }
        }
        var rows = grids.Select(g =>
        {
            var t = totals.FirstOrDefault(t => t.Grid == g.Code);
            var cells = lattice?.Cells.GetValueOrDefault(g.Code) ?? 0;
            var seen = visited[g.Code].Count;
            double? share = cells > 0 ? Math.Round((double)seen / cells, 4) : null;
            return new GridCoverage(g.Code, g.Name, t?.Count ?? 0, Math.Round(t?.Distance ?? 0, 1), t?.Last, cells, seen, share, (t?.Count ?? 0) == 0);
        }).ToList();
        return Result<PatrolCoverage>.Ok(new(f.UnitCode, f.UnitName, f.From, f.To, CellMeters, rows));
    }

    sealed class Lattice(double x0, double y0, double dx, double dy)
    {
        public Dictionary<(long, long), long> Owner { get; } = [];
        public Dictionary<long, int> Cells { get; } = [];
        public (long, long) Cell(double lon, double lat) => ((long)Math.Floor((lon - x0) / dx), (long)Math.Floor((lat - y0) / dy));
        public Point Centre((long I, long J) c) => new(x0 + (c.I + 0.5) * dx, y0 + (c.J + 0.5) * dy);
    }

    // One lattice for all the unit's grids, 50 m square at the unit's latitude.
    async Task<Lattice?> LatticeAsync(List<long> grids, CancellationToken ct)
    {
        var shapes = new List<(long Code, Geometry Shape)>();
        foreach (var g in grids)
            if (await places.ShapeAsync(g, ct) is { IsEmpty: false } s) shapes.Add((g, s));
        if (shapes.Count == 0) return null;
        var all = new Envelope();
        foreach (var (_, s) in shapes) all.ExpandToInclude(s.EnvelopeInternal);
        var dy = CellMeters / MetersPerDegree;
        var dx = CellMeters / (MetersPerDegree * Math.Cos(all.Centre.Y * Math.PI / 180));
        var lattice = new Lattice(all.MinX, all.MinY, dx, dy);
        foreach (var (code, shape) in shapes)
        {
            var prepared = PreparedGeometryFactory.Prepare(shape);
            var env = shape.EnvelopeInternal;
            var (i0, j0) = lattice.Cell(env.MinX, env.MinY);
            var (i1, j1) = lattice.Cell(env.MaxX, env.MaxY);
            var count = 0;
            for (var i = i0; i <= i1; i++)
                for (var j = j0; j <= j1; j++)
                {
                    if (lattice.Owner.ContainsKey((i, j)) || !prepared.Contains(lattice.Centre((i, j)))) continue;
                    lattice.Owner[(i, j)] = code;
                    count++;
                }
            // A grid too small for any cell centre still has the cell it sits in.
            if (count == 0 && shape.InteriorPoint is { } inside)
            {
                var c = lattice.Cell(inside.X, inside.Y);
                if (lattice.Owner.TryAdd(c, code)) count = 1;
            }
            lattice.Cells[code] = count;
        }
        return lattice;
    }
}
