namespace GridGov.Features.Terminal.Campaigns;

public sealed record PublishCampaignRequest(string? Name, string? Description, DateOnly? StartsOn, DateOnly? EndsOn, List<string?>? Checklist,
    CampaignTargetKind? TargetKind, List<long>? Grids = null, List<long>? AddressIds = null);

public sealed record CompleteTaskRequest(List<bool>? Answers, string? Note = null, List<string?>? Photos = null, double? Lon = null, double? Lat = null, int? Version = null);

public sealed record CloseCampaignRequest(int? Version);

public sealed record CampaignQuery(CampaignStatus? Status = null, string? Keyword = null, int? Page = null, int? PageSize = null);

public sealed record CampaignTaskQuery(long? Grid = null, CampaignTaskState? State = null, int? Page = null, int? PageSize = null);

// Where a campaign stands on a day: not yet begun, running, past its end date with work left open, or closed.
public enum CampaignStatus { NotStarted, Running, Ended, Closed }

public sealed record CampaignRow(long Id, string Name, long UnitCode, string UnitName, DateOnly StartsOn, DateOnly EndsOn, CampaignTargetKind TargetKind,
    string TargetKindName, CampaignStatus Status, string StatusName, int Total, int Done, int Overdue, int DoneLate, string PublishedByName,
    DateTime PublishedAt, DateTime? ClosedAt, int Version);

public sealed record GridProgress(long GridCode, string GridName, int Total, int Done, int DoneLate, List<string> Workers);

// A grid's worker (their grid's tasks are theirs) or whoever else did some of the tasks (Assigned 0).
public sealed record WorkerProgress(long UserId, string Name, string? GridName, int Assigned, int AssignedDone, int DoneByThem);

public sealed record CampaignDetail(CampaignRow Campaign, string? Description, List<string> Checklist, List<GridProgress> Grids, List<WorkerProgress> Workers);

public sealed record CampaignTaskRow(long Id, long CampaignId, long GridCode, string GridName, long? AddressId, string Target, CampaignTaskState State,
    string StateName, bool Late, DateTime? DoneAt, long? DoneById, string? DoneByName, List<bool> Answers, string? Note, List<string> Photos,
    double? Lon, double? Lat, int Version);

// A task as the worker opens it: the task and what its campaign asks.
public sealed record TaskDetail(CampaignTaskRow Task, string CampaignName, string? Description, List<string> Checklist, DateOnly StartsOn, DateOnly EndsOn,
    CampaignStatus Status, string StatusName, string? Refusal);

public sealed record MyCampaignTasks(long CampaignId, string Name, DateOnly EndsOn, bool Overdue, int Done, int Total, List<CampaignTaskRow> Pending, int MorePending);

public sealed record TargetOption(long Id, string Name, string? Group);
