namespace GridGov.Features.Analytics.Warnings;

// The Chinese names of the warnings' codes, for pages, exports and the audit log.
public static class WarningNames
{
    public static string Kind(WarningKind k) => k switch
    {
        WarningKind.Threshold => "阈值预警",
        WarningKind.Spike => "突增预警",
        WarningKind.Cluster => "聚集预警",
        _ => "临期预警",
    };

    public static string State(WarningState s) => s switch
    {
        WarningState.Open => "待处置",
        WarningState.Acknowledged => "已确认",
        WarningState.Supervised => "已转督办",
        WarningState.Ticketed => "已转工单",
        _ => "已忽略",
    };

    public static string StateColor(WarningState s) => s switch
    {
        WarningState.Open => "red",
        WarningState.Acknowledged => "orange",
        WarningState.Supervised => "purple",
        WarningState.Ticketed => "blue",
        _ => "default",
    };

    public static string KindColor(WarningKind k) => k switch
    {
        WarningKind.Threshold => "volcano",
        WarningKind.Spike => "magenta",
        WarningKind.Cluster => "red",
        _ => "gold",
    };

    public static string Action(WarningAction a) => a switch
    {
        WarningAction.Raise => "生成预警",
        WarningAction.Acknowledge => "确认",
        WarningAction.Ignore => "忽略",
        WarningAction.Supervise => "转督办",
        _ => "转工单",
    };

    // Latin letters with digits pass as codes (C1 …); the words around them are Chinese.
    public static string Method(SpikeMethod m) => m switch
    {
        SpikeMethod.C1 => "C1（前7天基线）",
        SpikeMethod.C2 => "C2（隔2天的7天基线）",
        _ => "C3（近3天累积）",
    };

    public static string Level(OrgLevel? level) => level is { } l ? "各" + OrgCode.LevelName(l) : "整个区域";

    public static string? Parse<T>(string value, Func<T, string> name) where T : struct, Enum =>
        Enum.TryParse<T>(value, out var v) ? name(v) : null;
}
