using GridGov.Features.Organization;
namespace GridGov.Features.Terminal.Patrols;

// clientStartedAt: when the worker tapped 开始巡查 — a start queued offline is sent later, and the
// patrol must begin when the walk did. gridCode: for those whose own unit is not a grid.
public sealed record StartPatrolRequest(DateTime? ClientStartedAt = null, long? GridCode = null);

public sealed record PatrolPointInput(DateTime At, double Lon, double Lat, double? Accuracy = null, long? AddressId = null);

public sealed record AddPatrolPointsRequest(List<PatrolPointInput>? Points);

// clientEndedAt: when 结束巡查 was tapped (an end queued offline arrives later).
public sealed record EndPatrolRequest(string? Note = null, DateTime? ClientEndedAt = null);

// One patrol as lists show it; a running patrol's duration runs to now.
public sealed record PatrolRow(long Id, long WorkerId, string WorkerName, long GridCode, string GridName, DateTime StartedAt, DateTime? EndedAt,
    int DurationSeconds, double DistanceMeters, int PointCount, int ScanCount, bool Running);

public sealed record PatrolTrackPoint(DateTime At, double Lon, double Lat, double? Accuracy, long? AddressId);

public sealed record PatrolScan(long AddressId, string Name, DateTime At);

public sealed record PatrolDetail(PatrolRow Patrol, string? Note, List<PatrolTrackPoint> Points, List<PatrolScan> Scans);

public sealed record PointsAdded(long PatrolId, int Added, int Repeated, int Dropped, string? Message, int PointCount, double DistanceMeters, int ScanCount);

// The phone's page: the caller's running patrol, today's patrols, and where they may patrol.
public sealed record MyPatrols(PatrolRow? Running, List<PatrolRow> Today, long? GridCode, string? GridName, List<PlaceName> Grids);

public sealed record PatrolQuery(long? Unit = null, DateOnly? From = null, DateOnly? To = null, long? Worker = null, int? Page = null, int? PageSize = null);

// A patrol's track for a map: [lon, lat] pairs in time order, thinned when long.
public sealed record PatrolTrack(long Id, string WorkerName, long GridCode, string GridName, DateTime StartedAt, double DistanceMeters, List<double[]> Line);

public sealed record PatrolTracks(List<PatrolTrack> Tracks, bool Truncated);

// A grid's coverage over the period: the share of its cells (a lattice of CellMeters squares laid over
// its boundary) with at least one patrol point. Share is null for a grid without a boundary.
public sealed record GridCoverage(long GridCode, string GridName, int Patrols, double DistanceMeters, DateTime? LastPatrolAt,
    int Cells, int CellsVisited, double? Share, bool Uncovered);

public sealed record PatrolCoverage(long UnitCode, string UnitName, DateOnly From, DateOnly To, int CellMeters, List<GridCoverage> Grids);
