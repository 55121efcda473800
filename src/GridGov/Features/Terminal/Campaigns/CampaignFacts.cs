using GridGov.Infrastructure;

namespace GridGov.Features.Terminal.Campaigns;

// The small rules every campaign use case shares: where a campaign stands on a day, its checklist as
// items, a task's answers as stored ("1" done / "0" not applicable or found wanting), and what late means.
public static class CampaignFacts
{
    public const int MaxChecklist = 20, MaxItem = 100, MaxAddresses = 5000, MaxNote = 1000;

    public static CampaignStatus StatusOf(Campaign c, DateOnly today) =>
        c.ClosedAt is not null ? CampaignStatus.Closed
        : today < c.StartsOn ? CampaignStatus.NotStarted
        : today > c.EndsOn ? CampaignStatus.Ended
        : CampaignStatus.Running;

    public static string StatusName(CampaignStatus s) => s switch
    {
        CampaignStatus.NotStarted => "未开始",
        CampaignStatus.Running => "进行中",
        CampaignStatus.Ended => "已到期",
        _ => "已结束",
    };

    public static List<string> Items(string checklist) => [.. checklist.Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    public static List<bool> Answers(string? stored) => [.. (stored ?? "").Select(c => c == '1')];

    public static string Store(IEnumerable<bool> answers) => string.Concat(answers.Select(a => a ? '1' : '0'));

    // Done after the last day of the campaign (China time): 逾期完成.
    public static DateTime LateFrom(DateOnly endsOn) => ChinaTime.ToUtc(endsOn.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public static bool Late(CampaignTask t, DateOnly endsOn) => t.DoneAt >= LateFrom(endsOn);
}
