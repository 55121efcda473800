namespace GridGov.Features.Tickets;

// Chinese names and colours of the ticket enums, for pages and messages.
public static class TicketNames
{
    public static string Source(TicketSource s) => s switch
    {
        TicketSource.Patrol => "网格巡查", TicketSource.Hotline => "12345热线", TicketSource.Public => "群众上报",
        TicketSource.DigitalCity => "数字城管", TicketSource.OtherSystem => "其他系统", _ => "工作人员登记",
    };

    public static string Supervision(Supervision s) => Deadlines.OverdueWatcher.SupervisionName(s);

    public static string Evaluation(Evaluation? e) => e switch
    {
        Tickets.Evaluation.Satisfied => "满意", Tickets.Evaluation.Basic => "基本满意", Tickets.Evaluation.Unsatisfied => "不满意", _ => "未评价",
    };

    public static string StateColor(TicketState s) => s switch
    {
        TicketState.Reported => "orange", TicketState.Accepted => "gold", TicketState.Dispatched => "blue", TicketState.Returned => "volcano",
        TicketState.Handled => "cyan", TicketState.Verified => "geekblue", TicketState.Closed => "green", TicketState.Shelved => "purple",
        _ => "default",
    };

    public static string SupervisionColor(Supervision s) => s switch
    {
        Tickets.Supervision.Red => "red", Tickets.Supervision.Yellow => "gold", _ => "blue",
    };

    // "剩余 3.5 工作小时" / "超期 1.2 工作小时", from working time left.
    public static string Clock(TimeSpan? left) => left is not { } l ? "—"
        : l >= TimeSpan.Zero ? $"剩余 {Hours(l)}" : $"已超期 {Hours(-l)}";

    static string Hours(TimeSpan t) => t.TotalHours >= 1 ? $"{t.TotalHours:0.#} 工作小时" : $"{Math.Max(1, (int)t.TotalMinutes)} 工作分钟";
}
