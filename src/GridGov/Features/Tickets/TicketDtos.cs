namespace GridGov.Features.Tickets;

public sealed record TicketSummary(long Id, string Number, string CategoryCode, string CategoryName, string Description,
    string? Address, long GridCode, string? GridName, TicketState State, string StateName, TicketSource Source,
    bool Urgent, Supervision Supervision, DateTime ReportedAt, DateTime? DueAt, bool Overdue, string? LeadDepartment);

public sealed record TicketDetail(long Id, string Number, int Version, string CategoryCode, string CategoryName,
    string Description, string? Address, double? Lon, double? Lat, long GridCode, string? GridName, long CentreCode, string? CentreName,
    TicketState State, string StateName, TicketSource Source, long? ReporterId, string? ReporterName, bool Urgent, bool SelfHandled,
    Supervision Supervision, DateTime ReportedAt, DateTime UpdatedAt, DateTime? DueAt, DateTime? HandleDueAt, bool Overdue,
    long? LeadDepartmentId, string? LeadDepartment, List<string> CoDepartments, int ReworkCount, int ReturnCount, int ExtensionCount,
    PendingRequest Pending, string? PendingNote, double? PendingDays, long? PrimaryId, List<long> DuplicateIds,
    string? Result, Evaluation? Evaluation, string? EvaluationNote, DateTime? ClosedAt,
    List<string> Photos, List<TicketEventDto> Timeline, List<AllowedAction> Actions);

public sealed record TicketEventDto(long Id, DateTime At, string ActorName, TicketAction Action, string ActionName,
    TicketState From, TicketState To, string? Note, List<string> Photos, string? Department);

public sealed record AllowedAction(TicketAction Action, string Name);

public sealed record DuplicateCandidate(long Id, string Number, string Description, string StateName, DateTime ReportedAt,
    double Score, double? DistanceMeters, string Reason);
