using GridGov.Features.Registry.People;

namespace GridGov.Features.Registry.Focus;

// 全部 / 即将到期 (due within FocusKinds.SoonDays) / 已逾期 (the next visit's date has passed, China time).
public enum FocusDue { All, Soon, Overdue }

public sealed record FocusQuery(string? Kind = null, RiskLevel? Risk = null, long? Unit = null, FocusDue? Due = null, long? Responsible = null,
    string? Keyword = null, bool IncludeClosed = false, int Page = 1, int PageSize = 20);

// A focus subject as the list shows it: the person's name and masked number, the kind, risk, visits.
public sealed record FocusRow(long Id, long PersonId, string Name, string Gender, string IdMasked, string Kind, string KindName, bool Special,
    RiskLevel Risk, string RiskName, int VisitEveryDays, long? ResponsibleId, string? ResponsibleName, DateTime? LastVisitAt,
    DateOnly NextVisitDue, int OverdueDays, bool DueSoon, long GridCode, string? GridName, DateOnly? ClosedOn, string? Note, int Version);

public sealed record FocusKindCount(string Kind, string Name, int Count);

// The caller's area at a glance (for the list's cards and later dashboards): open subjects only.
public sealed record FocusCounts(int Total, int Overdue, int DueSoon, int HighRisk, List<FocusKindCount> ByKind,
    List<FocusOverdueGroup> OverdueByGrid, List<FocusOverdueGroup> OverdueByWorker);

// One subject with the person's base block (masked) and the person's record of that class, when the
// caller may see it.
public sealed record FocusDetail(FocusRow Subject, PersonRow Person, PersonClassRow? ClassRecord, string? StateByName, DateTime? StateAt,
    DateTime CreatedAt, DateTime UpdatedAt, RecordSource Source, string SourceName, string? SourceSystem);

public sealed record CreateFocusSubject(long PersonId, string Kind, RiskLevel Risk, int? VisitEveryDays = null, long? ResponsibleId = null,
    DateOnly? NextVisitDue = null, string? Note = null);

public sealed record EditFocusSubject(RiskLevel Risk, int VisitEveryDays, long? ResponsibleId = null, string? Note = null, int? Version = null);

public sealed record CloseFocusSubject(string Reason, DateOnly? ClosedOn = null, int? Version = null);

// An account that may be made responsible for subjects in a grid.
public sealed record FocusWorker(long Id, string UserName, string DisplayName);

// The kinds a person can be watched in: the special classes of GB/T 31000 (刑满释放 … 重点青少年), the local
// 信访, and those the community looks after (独居老人, 困难群众, 残疾人, 留守人员).
public static class FocusKinds
{
    public const int SoonDays = 3;

    public static readonly string[] Keys = ["T17", "T18", "T19", "T20", "T21", "T22", "X01", "X02", "X03", "X04", "T14"];

    public static IEnumerable<PersonClasses.Definition> All => Keys.Select(k => PersonClasses.Find(k)!);

    public static PersonClasses.Definition? Find(string? key) => key is not null && Keys.Contains(key) ? PersonClasses.Find(key) : null;

    public static PersonClasses.Definition? ByName(string name) =>
        All.FirstOrDefault(d => d.Name == name || d.Name.EndsWith("人员") && d.Name[..^2] == name || d.Key == name);

    public static string Name(string key) => PersonClasses.Find(key)?.Name ?? key;

    public static string DueName(FocusDue d) => d switch { FocusDue.Soon => "即将到期", FocusDue.Overdue => "已逾期", _ => "全部" };

    public static RiskLevel? RiskOf(string text) => text switch { "高" or "高风险" => RiskLevel.High, "中" or "中风险" => RiskLevel.Medium, "低" or "低风险" => RiskLevel.Low, _ => null };
}
