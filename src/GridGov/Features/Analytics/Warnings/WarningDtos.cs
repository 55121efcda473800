using GridGov.Features.Tickets;

namespace GridGov.Features.Analytics.Warnings;

// ?state=&kind=&rule=&area=&from=&to=&keyword=&page=&pageSize= (dates are China dates of raising).
public sealed record WarningQuery(WarningState? State = null, WarningKind? Kind = null, long? Rule = null, long? Area = null,
    DateOnly? From = null, DateOnly? To = null, string? Keyword = null, int? Page = null, int? PageSize = null);

public sealed record WarningRow(long Id, WarningKind Kind, string KindName, long RuleId, string RuleName, long AreaCode, string AreaName, string Title,
    DateTime RaisedAt, WarningState State, string StateName, int EvidenceCount, string? HandledByName, DateTime? HandledAt);

// An evidence ticket as the detail lists it (links to /tickets/{id}).
public sealed record EvidenceTicket(long Id, string Number, string Category, string Description, TicketState State, string StateName,
    DateTime ReportedAt, string? GridName, string? Address, string? SupervisionName, DateTime? DueAt);

public sealed record WarningHistoryRow(DateTime At, string ActorName, WarningAction Action, string ActionName, string FromName, string ToName, string? Note);

// Hidden: evidence tickets the caller cannot open (another department's, say) are counted, not listed.
public sealed record WarningDetail(WarningRow Warning, string Summary, int Version, long? TicketId, string? HandledNote,
    List<EvidenceTicket> Evidence, int Hidden, List<WarningHistoryRow> History, SpikeSeries? Series);

// The chart of warnings per day by kind.
public sealed record WarningDay(DateOnly Day, WarningKind Kind, string KindName, int Count);

// 确认 (note), 忽略 (note: the reason), 转督办 (level, note), 转工单 (description, else the warning's
// own words). Version: the warning's version as read; a change meanwhile answers 409.
public sealed record HandleWarningRequest(int? Version, string? Note = null, Supervision? Level = null, string? Description = null);

// What 转督办 did to each evidence ticket.
public sealed record SupervisedTicket(long TicketId, string Number, bool Done, string? Reason);

public sealed record WarningHandled(WarningDetail Warning, List<SupervisedTicket> Supervised, long? TicketId);

public sealed record WarningRuleDto(long Id, string Name, WarningKind Kind, string KindName, long? AreaCode, string AreaName, string? CategoryCode,
    string CategoryName, OrgLevel? GroupLevel, int MinCount, int WindowHours, int? RadiusMeters, SpikeMethod? Method, double? Limit, double? MinSigma,
    bool Enabled, string Parameters, DateTime UpdatedAt, int Version, int Warnings);

// A rule to add or change; which fields a kind needs is checked by WarningRuleForm.
public sealed record SaveWarningRule(string? Name, WarningKind? Kind, long? AreaCode = null, string? CategoryCode = null, OrgLevel? GroupLevel = null,
    int? MinCount = null, int? WindowHours = null, int? RadiusMeters = null, SpikeMethod? Method = null, double? Limit = null, double? MinSigma = null,
    bool? Enabled = null, int? Version = null);
