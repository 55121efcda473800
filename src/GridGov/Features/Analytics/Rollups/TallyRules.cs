using GridGov.Features.Registry;
using GridGov.Features.Registry.Components;
using GridGov.Features.Registry.Focus;
using GridGov.Features.Registry.Houses;
using GridGov.Features.Registry.People;
using GridGov.Features.Registry.Units;
using GridGov.Features.Tickets;

namespace GridGov.Features.Analytics.Rollups;

// Which tally row a record counts in, if any: the one definition the watcher and the rebuild share.
public static class TallyRules
{
    public const string Person = "person", House = "house", Unit = "unit", Focus = "focus", FocusSpecial = "focus-special", Component = "component";

    public static (long Grid, string Kind, string Key)? RegistryRow(object record) => record switch
    {
        RegistryRecord { State: VerificationState.Removed } => null,
        Person p => (p.GridCode, Person, p.Residency.ToString()),
        House h => (h.GridCode, House, h.Use.ToString()),
        Unit u => (u.GridCode, Unit, u.Kind.ToString()),
        FocusSubject { ClosedOn: not null } => null,
        // Special groups (特殊人群) are counted apart so that a page can fold them into one figure for
        // an account without registry.special.
        FocusSubject f => (f.GridCode, f.Special ? FocusSpecial : Focus, f.Kind),
        Component c => (c.GridCode, Component, ComponentMajorClass(c.ClassCode)),
        _ => null,
    };

    // The major class (大类): C0101 上水井盖 → C01 公用设施 (GB/T 30428.2 as the category dictionary codes it).
    public static string ComponentMajorClass(string classCode) => classCode.Length >= 3 ? classCode[..3] : classCode;

    public static void AddTicket(TallyDeltas d, Ticket t, int sign)
    {
        var day = TallyCodes.Day(t.ReportedAt);
        d.AddTicket(t.GridCode, day, t.Source, t.State, sign);
        d.AddFlow(t.GridCode, day, 0, new FlowDelta(sign, 0, 0, 0, 0));
        d.AddCategory(t.GridCode, day, t.CategoryId, t.Source, sign, IsRepeat(t) ? sign : 0);
        if (t.DueAt is { } due) d.AddDeadline(t.GridCode, TallyCodes.Day(due), sign);
        if (t.State == TicketState.Closed) d.Closings.Add(ClosedTicket.Of(t, sign) with { Added = sign > 0 ? t : null });
    }

    public static void ChangeTicket(TallyDeltas d, Ticket before, Ticket after)
    {
        var day = (TallyCodes.Day(before.ReportedAt), TallyCodes.Day(after.ReportedAt));
        if (before.GridCode != after.GridCode || day.Item1 != day.Item2 || before.Source != after.Source || before.State != after.State)
        {
            d.AddTicket(before.GridCode, day.Item1, before.Source, before.State, -1);
            d.AddTicket(after.GridCode, day.Item2, after.Source, after.State, 1);
        }
        if (before.GridCode != after.GridCode || day.Item1 != day.Item2)
        {
            d.AddFlow(before.GridCode, day.Item1, 0, new FlowDelta(-1, 0, 0, 0, 0));
            d.AddFlow(after.GridCode, day.Item2, 0, new FlowDelta(1, 0, 0, 0, 0));
        }
        if (before.GridCode != after.GridCode || day.Item1 != day.Item2 || before.CategoryId != after.CategoryId || before.Source != after.Source
            || IsRepeat(before) != IsRepeat(after))
        {
            d.AddCategory(before.GridCode, day.Item1, before.CategoryId, before.Source, -1, IsRepeat(before) ? -1 : 0);
            d.AddCategory(after.GridCode, day.Item2, after.CategoryId, after.Source, 1, IsRepeat(after) ? 1 : 0);
        }
        if (before.GridCode != after.GridCode || DueDay(before) != DueDay(after))
        {
            if (DueDay(before) is { } b0) d.AddDeadline(before.GridCode, b0, -1);
            if (DueDay(after) is { } a0) d.AddDeadline(after.GridCode, a0, 1);
        }
        var (was, now) = (before.State == TicketState.Closed, after.State == TicketState.Closed);
        if (!was && !now) return;
        var (b, a) = (ClosedTicket.Of(before, -1), ClosedTicket.Of(after, 1));
        if (was && now && b with { Sign = 1 } == a) return;
        if (was) d.Closings.Add(b);
        if (now) d.Closings.Add(a);
    }

    static int? DueDay(Ticket t) => t.DueAt is { } due ? TallyCodes.Day(due) : null;

    // A repeat complaint (重复投诉): a ticket linked to an earlier one as the same problem.
    static bool IsRepeat(Ticket t) => t.PrimaryId is not null;

    public static void AddRecord(TallyDeltas d, object record, int sign)
    {
        if (RegistryRow(record) is { } r) d.AddRegistry(r.Grid, r.Kind, r.Key, sign);
    }

    public static void ChangeRecord(TallyDeltas d, object before, object after)
    {
        var (b, a) = (RegistryRow(before), RegistryRow(after));
        if (b == a) return;
        if (b is { } x) d.AddRegistry(x.Grid, x.Kind, x.Key, -1);
        if (a is { } y) d.AddRegistry(y.Grid, y.Kind, y.Key, 1);
    }
}
