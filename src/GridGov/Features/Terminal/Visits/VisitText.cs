using GridGov.Features.Registry.Focus;

namespace GridGov.Features.Terminal.Visits;

// How the terminal's visit pages show a risk and a due date.
public static class VisitText
{
    public static string RiskTag(RiskLevel r) => r switch { RiskLevel.High => "m-tag red", RiskLevel.Medium => "m-tag orange", _ => "m-tag green" };

    public static string Due(FocusRow s, DateOnly today) =>
        s.OverdueDays > 0 ? $"逾期 {s.OverdueDays} 天" : s.NextVisitDue == today ? "今天到期" : $"{(s.NextVisitDue.DayNumber - today.DayNumber)} 天后到期";

    public static string Date(DateOnly d) => d.ToString("M月d日");
}
