using System.Diagnostics;
using GridGov.Features.Audit;
using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Deadlines;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace GridGov.Bench;

// The rows themselves: when each ticket was reported, what state its age gives it, its history and
// deadlines (the load and the write are in TicketGenerator.cs).
sealed partial class TicketGenerator
{
    // Time of day of reports (China time): share per hour, few at night, most in working hours.
    static readonly double[] HourWeights = [1, 0.5, 0.3, 0.3, 0.4, 0.8, 2, 4, 8, 10, 10, 9, 6, 7, 9, 10, 9, 8, 6, 5, 4, 3, 2, 1.5];
    static readonly double[] HourCdf = Cdf(HourWeights);

    static double[] Cdf(double[] w)
    {
        var sum = w.Sum();
        var cdf = new double[w.Length + 1];
        for (var i = 0; i < w.Length; i++) cdf[i + 1] = cdf[i] + w[i] / sum;
        return cdf;
    }

    // A uniform fraction of a day to a time of day with the hour profile above (monotonic, so ordered
    // reports stay ordered).
    static double TimeOfDay(double u)
    {
        var h = 0;
        while (h < 23 && HourCdf[h + 1] < u) h++;
        var inHour = (u - HourCdf[h]) / (HourCdf[h + 1] - HourCdf[h]);
        return (h + Math.Clamp(inHour, 0, 1)) / 24;
    }

    void Generate(int count, Action<Ticket> ticket, Action<TicketEvent> @event, Action<TicketAssignment> assignment)
    {
        // China-time midnight 365 days ago: reports fill the days from there to now.
        var todayChina = ChinaTime.FromUtc(now).Date;
        var firstDayUtc = ChinaTime.ToUtc(todayChina.AddDays(-365));
        var days = (now - firstDayUtc).TotalDays;
        var t = new Ticket { Description = "", AcceptLimit = "", DispatchLimit = "", HandleLimit = "", VerifyLimit = "" };
        var report = new TicketEvent { ActorName = "" };
        var last = new TicketEvent { ActorName = "" };
        var lead = new TicketAssignment();
        for (var i = 0; i < count; i++)
        {
            var x = (i + random.NextDouble()) / count * days;
            var day = Math.Floor(x);
            var reportedAt = firstDayUtc.AddDays(day + TimeOfDay(x - day));
            if (reportedAt > now) reportedAt = now.AddSeconds(-random.Next(1, 600));
            Fill(t, reportedAt);
            report.Id = ++nextEvent;
            report.TicketId = t.Id;
            report.At = t.ReportedAt;
            report.ActorId = t.ReporterId;
            report.ActorName = t.ReporterName ?? "系统";
            report.Action = TicketAction.Report;
            report.From = report.To = TicketState.Reported;
            report.Note = null;
            report.DepartmentId = null;
            ticket(t);
            @event(report);
            // Older tickets keep only their Report row: their history is read by none of the pages
            // measured, and a second row for each of millions of closed tickets doubles the load time.
            if (t.State != TicketState.Reported && now - t.ReportedAt < TimeSpan.FromDays(30))
            {
                var (action, from) = LastStep(t);
                last.Id = ++nextEvent;
                last.TicketId = t.Id;
                last.At = t.UpdatedAt;
                last.ActorId = null;
                last.ActorName = action is TicketAction.ReportBack ? "处置人员" : action is TicketAction.SelfHandle ? report.ActorName : "指挥中心";
                last.Action = action;
                last.From = from;
                last.To = t.State;
                last.Note = action switch { TicketAction.ReportBack or TicketAction.SelfHandle => t.Result, TicketAction.Reject => "不属于受理范围", _ => null };
                last.DepartmentId = action is TicketAction.Dispatch or TicketAction.ReportBack ? t.LeadDepartmentId : null;
                @event(last);
            }
            if (t.State is TicketState.Dispatched or TicketState.Handled or TicketState.Verified or TicketState.Returned && t.LeadDepartmentId is { } d)
            {
                lead.Id = ++nextAssignment;
                lead.TicketId = t.Id;
                lead.DepartmentId = d;
                lead.Lead = true;
                lead.Active = t.State != TicketState.Returned;
                lead.AssignedAt = lastDispatchedAt;
                assignment(lead);
            }
        }
    }

    static (TicketAction Action, TicketState From) LastStep(Ticket t) => t.State switch
    {
        TicketState.Accepted => (TicketAction.Accept, TicketState.Reported),
        TicketState.Dispatched => (TicketAction.Dispatch, TicketState.Accepted),
        TicketState.Returned => (TicketAction.Return, TicketState.Dispatched),
        TicketState.Handled => (t.SelfHandled ? TicketAction.SelfHandle : TicketAction.ReportBack, t.SelfHandled ? TicketState.Reported : TicketState.Dispatched),
        TicketState.Verified => (TicketAction.VerifyPass, TicketState.Handled),
        TicketState.Closed => (TicketAction.Close, TicketState.Verified),
        TicketState.Rejected => (TicketAction.Reject, TicketState.Reported),
        TicketState.Duplicate => (TicketAction.LinkDuplicate, TicketState.Reported),
        TicketState.Shelved => (TicketAction.ApproveShelve, TicketState.Dispatched),
        _ => (TicketAction.Report, TicketState.Reported),
    };

    T Pick<T>(T[] items) => items[random.Next(items.Length)];

    TicketState StateFor(double ageDays)
    {
        var u = random.NextDouble();
        if (ageDays < 2 / 24.0)
            return u switch { < 0.6 => TicketState.Reported, < 0.85 => TicketState.Accepted, < 0.95 => TicketState.Dispatched, < 0.98 => TicketState.Rejected, _ => TicketState.Duplicate };
        if (ageDays < 1)
            return u switch
            {
                < 0.05 => TicketState.Reported, < 0.15 => TicketState.Accepted, < 0.60 => TicketState.Dispatched, < 0.75 => TicketState.Handled,
                < 0.80 => TicketState.Verified, < 0.95 => TicketState.Closed, < 0.98 => TicketState.Rejected, _ => TicketState.Duplicate,
            };
        if (ageDays < 7)
            return u switch
            {
                < 0.20 => TicketState.Dispatched, < 0.22 => TicketState.Returned, < 0.30 => TicketState.Handled, < 0.33 => TicketState.Verified,
                < 0.93 => TicketState.Closed, < 0.95 => TicketState.Shelved, < 0.98 => TicketState.Rejected, _ => TicketState.Duplicate,
            };
        if (ageDays < 30)
            return u switch
            {
                < 0.05 => TicketState.Dispatched, < 0.07 => TicketState.Handled, < 0.08 => TicketState.Verified, < 0.93 => TicketState.Closed,
                < 0.95 => TicketState.Shelved, < 0.98 => TicketState.Rejected, _ => TicketState.Duplicate,
            };
        return u switch
        {
            < 0.002 => TicketState.Dispatched, < 0.005 => TicketState.Shelved, < 0.95 => TicketState.Closed, < 0.98 => TicketState.Rejected, _ => TicketState.Duplicate,
        };
    }

    void Fill(Ticket t, DateTime reportedAt)
    {
        var gridIndex = random.Next(grids.Length);
        var grid = grids[gridIndex];
        var c = Pick(categories);
        var id = ++nextTicket;
        var ageDays = (now - reportedAt).TotalDays;
        var state = StateFor(ageDays);
        var u = random.NextDouble();
        var source = u switch
        {
            < 0.50 => TicketSource.Patrol, < 0.75 => TicketSource.Hotline, < 0.90 => TicketSource.Public,
            < 0.95 => TicketSource.DigitalCity, < 0.98 => TicketSource.OtherSystem, _ => TicketSource.Staff,
        };
        var place = grid.Community + Pick(PlaceSuffixes);
        t.Id = id;
        t.CategoryId = c.Id;
        t.Description = DemoPhrases.Fill(Pick(c.Phrases), place);
        t.Address = place;
        var withPoint = source != TicketSource.Hotline || random.NextDouble() < 0.7;
        t.Lon = withPoint ? Math.Round(grid.Lon + (random.NextDouble() - 0.5) * 0.002, 6) : null;
        t.Lat = withPoint ? Math.Round(grid.Lat + (random.NextDouble() - 0.5) * 0.002, 6) : null;
        t.GridCode = grid.Code;
        var street = OrgCode.Street(grid.Code);
        var district = grid.Code / 1_000_000_000;
        t.CentreCode = random.NextDouble() < 0.02 ? district : street;
        t.Source = source;
        if (source == TicketSource.Patrol)
        {
            // One grid worker per grid; the app's patrol client sends a request id with every report.
            t.ReporterId = 1_000_000 + gridIndex;
            t.ReporterName = $"网格员{grid.Code % 1000:D3}";
            t.ReporterPhone = null;
            t.ClientRequestId = RequestId();
        }
        else
        {
            t.ReporterId = null;
            t.ClientRequestId = null;
            t.ReporterName = source is TicketSource.Hotline or TicketSource.Public ? Pick(Surnames) + (random.Next(2) == 0 ? "先生" : "女士") : null;
            t.ReporterPhone = source is TicketSource.Hotline or TicketSource.Public ? $"1{random.Next(30, 90)}{random.Next(0, 100_000_000):D8}" : null;
        }
        t.State = state;
        t.Urgent = c.Urgent || random.NextDouble() < 0.01;
        t.SelfHandled = source == TicketSource.Patrol && state is TicketState.Handled or TicketState.Verified or TicketState.Closed && random.NextDouble() < 0.1;
        t.ReportedAt = reportedAt;
        t.AcceptLimit = c.Accept;
        t.DispatchLimit = c.Dispatch;
        t.HandleLimit = c.Handle;
        t.VerifyLimit = c.Verify;

        // The last transition happened some time between the report and now; closing takes longer.
        var span = now - reportedAt;
        var stepFraction = state == TicketState.Reported ? 0 : state is TicketState.Accepted or TicketState.Rejected or TicketState.Duplicate
            ? random.NextDouble() * 0.2 : 0.2 + random.NextDouble() * 0.6;
        var updatedAt = state == TicketState.Reported ? reportedAt : reportedAt + span * Math.Min(stepFraction, 1);
        if (state is TicketState.Closed && ageDays > 7) updatedAt = reportedAt + TimeSpan.FromDays(random.NextDouble() * 6); // most close within a week
        t.UpdatedAt = updatedAt;
        var dispatched = state is TicketState.Dispatched or TicketState.Returned or TicketState.Handled or TicketState.Verified
            or TicketState.Closed or TicketState.Shelved && !t.SelfHandled;
        var dispatchedAt = state == TicketState.Dispatched ? updatedAt : reportedAt + (updatedAt - reportedAt) * 0.3;
        lastDispatchedAt = dispatchedAt;
        t.HandleDueAt = dispatched ? Due(dispatchedAt, c.Handle) : null;
        t.LeadDepartmentId = dispatched ? Department(street, district, c.DepartmentKind) : null;
        t.DueAt = state switch
        {
            TicketState.Reported => Due(reportedAt, c.Accept),
            TicketState.Accepted or TicketState.Returned => Due(updatedAt, c.Dispatch),
            TicketState.Dispatched => t.HandleDueAt,
            TicketState.Handled or TicketState.Verified => Due(updatedAt, c.Verify),
            _ => null,
        };
        var open = Ticket.Open.Contains(state);
        t.Supervision = open && t.DueAt < now ? random.NextDouble() switch { < 0.08 => Supervision.Yellow, < 0.1 => Supervision.Red, _ => Supervision.None }
            : !open && random.NextDouble() < 0.01 ? Supervision.Normal : Supervision.None;
        t.ReworkCount = dispatched && random.NextDouble() < 0.03 ? 1 : 0;
        t.ReturnCount = state == TicketState.Returned ? 1 : 0;
        t.ExtensionCount = state == TicketState.Dispatched && random.NextDouble() < 0.02 ? 1 : 0;
        t.Pending = state == TicketState.Dispatched && random.NextDouble() < 0.01 ? PendingRequest.Extension : PendingRequest.None;
        t.PendingNote = t.Pending == PendingRequest.Extension ? "涉及多个部门协调，申请延期" : null;
        t.PendingDays = t.Pending == PendingRequest.Extension ? 3 : null;
        t.PrimaryId = state == TicketState.Duplicate && id > 1 ? Math.Max(1, id - random.Next(1, 200)) : null;
        t.Result = state is TicketState.Handled or TicketState.Verified or TicketState.Closed ? Pick(Results) : null;
        var evaluated = state == TicketState.Closed && random.NextDouble() < 0.3;
        t.Evaluation = evaluated ? random.NextDouble() switch { < 0.85 => Evaluation.Satisfied, < 0.97 => Evaluation.Basic, _ => Evaluation.Unsatisfied } : null;
        t.EvaluationNote = null;
        t.ClosedAt = state is TicketState.Closed or TicketState.Rejected or TicketState.Duplicate ? updatedAt : null;
        t.Version = state switch
        {
            TicketState.Reported => 0, TicketState.Accepted or TicketState.Rejected or TicketState.Duplicate => 1, TicketState.Dispatched => 2,
            TicketState.Returned or TicketState.Handled => 3, TicketState.Verified or TicketState.Shelved => 4, _ => 5,
        } + t.ReworkCount * 2 + t.ExtensionCount;
    }

    // A Guid's worth of hex, from the seeded generator (Guid.NewGuid costs a system call each).
    readonly byte[] idBytes = new byte[16];
    string RequestId()
    {
        random.NextBytes(idBytes);
        return Convert.ToHexStringLower(idBytes);
    }

    // The app's working-calendar deadline, memoised on the start's 10-minute slot: a few distinct
    // limits over a year of slots, where a call costs microseconds (time zone conversions).
    readonly Dictionary<(string, long), DateTime> dues = [];
    DateTime Due(DateTime from, string limit)
    {
        const long Slot = TimeSpan.TicksPerMinute * 10;
        var slot = from.Ticks / Slot * Slot;
        if (!dues.TryGetValue((limit, slot), out var due))
            dues[(limit, slot)] = due = clock.Due(new DateTime(slot, DateTimeKind.Utc), limit);
        return due + TimeSpan.FromTicks(from.Ticks - slot);
    }

    long? Department(long street, long district, string? kind)
    {
        if (kind is not null && departments.TryGetValue((street, kind), out var s)) return s;
        if (kind is not null && departments.TryGetValue((district, kind), out var d)) return d;
        return anyDepartment.TryGetValue(street, out var any) ? any : null;
    }
}
