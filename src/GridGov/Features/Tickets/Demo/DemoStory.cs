using GridGov.Features.Organization;
using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Dispatching;
using GridGov.Infrastructure;
using static GridGov.Features.Tickets.TicketAction;
using static GridGov.Features.Tickets.Demo.DemoText;

namespace GridGov.Features.Tickets.Demo;

// How a ticket usually goes (accept, dispatch, report back, verify, close, evaluate) with the usual
// detours (rejection, escalation, return, extension, shelving, rework, supervision when late), at the
// pace of a command centre that keeps most of its deadlines. The story stops at the present.
sealed class DemoStory(DemoWorld world, Random rng, DemoLife life, DemoCast cast, TicketCategory category)
{
    readonly Ticket t = life.Ticket;
    // A held ticket takes no detour that would miss the state it is held in.
    bool Free => life.Hold is null;

    // Categories where "long-term, approved as such" (挂账) is a usual outcome.
    static readonly string[] Shelvable = ["G01", "G0204", "E0101", "E0111", "E0113", "E0118", "C05"];

    public void Tell(StepActor? evaluator, double evaluationRate)
    {
        Live(evaluator, evaluationRate);
        // A ticket still waiting (a held one, or one whose next step lies ahead) is chased until now.
        Oversee(life.Now);
    }

    void Live(StepActor? evaluator, double evaluationRate)
    {
        if (!AcceptAndDispatch(out var at)) return;
        if (!Handle(ref at)) return;
        at = life.After(at, t.VerifyLimit, Pace());
        if (!Step(Close, at, cast.Chief(t.CentreCode), Pick(CloseNotes))) return;
        if (evaluator is null || rng.NextDouble() >= evaluationRate) return;
        var (level, notes) = rng.NextDouble() switch { < 0.8 => Evaluations[0], < 0.95 => Evaluations[1], _ => Evaluations[2] };
        Step(Evaluate, life.AfterWorkingHours(at, 0.5 + 12 * rng.NextDouble()), evaluator, Pick(notes), evaluation: level);
    }

    // Reported → Accepted → Dispatched (by a rule at once, or by the dispatcher); false when the story ended.
    bool AcceptAndDispatch(out DateTime at)
    {
        // The night duty takes urgent and phoned-in reports at once; the rest wait for the working day.
        var night = !IsWorkingTime(t.ReportedAt) && (t.Urgent || t.Source is TicketSource.Hotline or TicketSource.Public) && rng.NextDouble() < 0.6;
        at = night ? t.ReportedAt.AddMinutes(5 + rng.Next(40)) : life.After(t.ReportedAt, t.AcceptLimit, Pace());
        if (Free && OrgCode.LevelOf(t.CentreCode) == OrgLevel.Street && rng.NextDouble() < 0.02)
        {
            if (!Step(Escalate, at, cast.Acceptor(t.CentreCode), Pick(EscalateNotes))) return false;
            at = life.After(at, t.AcceptLimit, Pace());
        }
        if (Free && rng.NextDouble() < 0.04)
        {
            Step(Reject, at, cast.Acceptor(t.CentreCode), Pick(RejectNotes));
            return false;
        }
        if (!Step(Accept, at, cast.Acceptor(t.CentreCode))) return false;
        var hour = ChinaTime.FromUtc(life.Cursor).Hour;
        if (world.Rules.FirstOrDefault(r => DispatchRules.Matches(r, t, category.Code, hour)) is { } rule)
            return life.Do(Dispatch, at, DemoCast.System, $"按派遣规则“{rule.Name}”自动派遣", rule.DepartmentId, followUp: true);
        at = night && t.Urgent ? at.AddMinutes(5 + rng.Next(20)) : life.After(at, t.DispatchLimit, Pace());
        var lead = world.DepartmentFor(category.DepartmentKind ?? "城管", t.CentreCode)
            ?? throw new InvalidOperationException($"No {category.DepartmentKind} department for {t.CentreCode}");
        // Now and then a second department helps (协办): another kind at the same level.
        List<long> co = [];
        if (rng.NextDouble() < 0.04 && world.Departments.Where(d => d.OrgUnitCode == lead.OrgUnitCode && d.Kind != lead.Kind).ToList() is { Count: > 0 } others)
            co.Add(others[rng.Next(others.Count)].Id);
        return Step(Dispatch, at, cast.Dispatcher(t.CentreCode), null, lead.Id, co);
    }

    // Dispatched → … → Verified, with returns, extensions, shelving and rework on the way.
    bool Handle(ref DateTime at)
    {
        var chief = cast.Chief(t.CentreCode);
        for (var round = 0; round < 6; round++)
        {
            var lead = world.Departments.First(d => d.Id == t.LeadDepartmentId);
            var staff = cast.DepartmentStaff(lead);
            // Detours happen in the first round; a rework goes straight back to the result.
            var first = t.ReworkCount == 0;
            if (first && t.ReturnCount == 0 && ((Free && rng.NextDouble() < 0.07) || life.Hold == TicketState.Returned))
            {
                if (!Step(Return, life.After(life.Cursor, t.HandleLimit, 0.05 + 0.2 * rng.NextDouble()), staff, Pick(ReturnNotes))) return false;
                var other = Redirect(lead);
                if (!Step(Dispatch, life.After(life.Cursor, t.DispatchLimit, 1.5 * Pace()), cast.Dispatcher(t.CentreCode), $"改派{other.Name}", other.Id)) return false;
                continue;
            }
            double extension = 0;
            if (first && t.ExtensionCount == 0 && rng.NextDouble() < 0.07)
            {
                var days = rng.Next(1, 6);
                if (!Step(RequestExtension, life.After(life.Cursor, t.HandleLimit, 0.3 + 0.5 * rng.NextDouble()), staff, Pick(ExtensionNotes), days: days)) return false;
                var approve = rng.NextDouble() < 0.8;
                if (!Step(approve ? ApproveExtension : DenyExtension, life.AfterWorkingHours(life.Cursor, 0.5 + 3 * rng.NextDouble()), chief,
                    approve ? "同意延期" : "不予延期，请按期办结")) return false;
                if (approve) extension = days;
            }
            var shelvable = Shelvable.Any(c => category.Code.StartsWith(c, StringComparison.Ordinal));
            if (first && ((Free && rng.NextDouble() < (shelvable ? 0.12 : 0.005)) || life.Hold == TicketState.Shelved))
            {
                if (!Step(RequestShelve, life.After(life.Cursor, t.HandleLimit, 0.3 + 0.6 * rng.NextDouble()), staff, Pick(ShelveNotes))) return false;
                var when = life.AfterWorkingHours(life.Cursor, 1 + 7 * rng.NextDouble());
                if (rng.NextDouble() < 0.8 || !Free)
                {
                    if (!Step(ApproveShelve, when, chief, "同意挂账，定期跟踪")) return false;
                    // Most stay shelved; some come back when the money or the agreement is there.
                    if (rng.NextDouble() < 0.7) return false;
                    if (!Step(Resume, life.AfterWorkingHours(life.Cursor, 7.5 * (5 + 20 * rng.NextDouble())), chief, "条件已具备，恢复处置")) return false;
                }
                else if (!Step(DenyShelve, when, chief, "不同意挂账，请继续处置")) return false;
            }
            var done = extension > 0
                ? life.AfterWorkingHours(life.Cursor, 7.5 * extension * (0.3 + 0.8 * rng.NextDouble()))
                : life.After(life.Cursor, t.HandleLimit, Pace());
            if (!Step(ReportBack, done, staff, Pick(ResultsFor(category.Code, lead.Kind)))) return false;
            at = life.After(life.Cursor, t.VerifyLimit, Pace());
            if (Free && t.ReworkCount == 0 && rng.NextDouble() < 0.06)
            {
                if (!Step(VerifyFail, at, cast.GridWorker, Pick(VerifyFailNotes))) return false;
                continue;
            }
            return Step(VerifyPass, at, cast.GridWorker, Pick(VerifyPassNotes));
        }
        return false;
    }

    // Where a returned ticket goes next: a street department hands up to the district's; a district
    // department was the wrong kind.
    Department Redirect(Department from)
    {
        var district = OrgCode.LevelOf(from.OrgUnitCode) == OrgLevel.Street ? OrgCode.Parent(from.OrgUnitCode)!.Value : from.OrgUnitCode;
        var kind = from.OrgUnitCode != district ? from.Kind : from.Kind switch
        {
            "城管" => "住建", "住建" => "城管", "公安" => "城管", "水务" => "住建", "园林" => "城管", "生态环境" => "城管",
            "市场监管" => "城管", "应急管理" => "住建", "民政" => "司法", "司法" => "民政", "人社" => "司法", _ => "民政",
        };
        return world.DepartmentFor(kind, district) ?? from;
    }

    // A step, preceded by the supervision its lateness earned.
    bool Step(TicketAction action, DateTime at, StepActor who, string? note = null, long? department = null,
        IReadOnlyList<long>? co = null, double? days = null, Evaluation? evaluation = null)
    {
        Oversee(at);
        return life.Do(action, at, who, note, department, co, days, evaluation);
    }

    // A late stage is chased as the overdue watcher does it: 普通督办 as the deadline passes, 黄牌 a
    // working day late, 红牌 three days late, by the system; now and then the duty chief shows the
    // yellow card sooner. Nothing after the next step or the present.
    void Oversee(DateTime next)
    {
        if (!t.IsOpen || t.DueAt is not { } due) return;
        var until = next < life.Now ? next : life.Now;
        var day = life.WorkingDay;
        List<(DateTime When, Supervision Level, bool ByChief)> steps =
        [
            (life.AfterWorking(due, TimeSpan.Zero).AddSeconds(30 + rng.Next(30)), Supervision.Normal, false),
            (life.AfterWorking(due, day).AddSeconds(30 + rng.Next(30)), Supervision.Yellow, false),
            (life.AfterWorking(due, day * 3).AddSeconds(30 + rng.Next(30)), Supervision.Red, false),
        ];
        if (rng.NextDouble() < 0.15) steps.Add((life.AfterWorkingHours(due, 1 + 3 * rng.NextDouble()), Supervision.Yellow, true));
        foreach (var (when, level, byChief) in steps.OrderBy(s => s.When))
        {
            if (when >= until) return;
            if (t.Supervision >= level) continue;
            if (byChief) life.Do(Supervise, when, cast.Chief(t.CentreCode), Pick(SuperviseNotes), level: level);
            else life.Do(AutoSupervise, when, DemoCast.System, level: level,
                note: $"超过时限 {life.WorkingTimeBetween(due, when).TotalHours:F1} 个工作小时，自动{Deadlines.OverdueWatcher.SupervisionName(level)}（原{Deadlines.OverdueWatcher.SupervisionName(t.Supervision)}）");
        }
    }

    // Mostly well within the limit, some near it, a few past it; brisk up to a held state.
    double Pace() => !Free ? 0.05 + 0.45 * rng.NextDouble() : rng.NextDouble() switch
    {
        < 0.88 => 0.05 + 0.65 * rng.NextDouble(),
        < 0.96 => 0.7 + 0.3 * rng.NextDouble(),
        _ => 1.05 + 2 * rng.NextDouble(),
    };

    bool IsWorkingTime(DateTime utc) => life.AfterWorkingHours(utc, 0.01) - utc < TimeSpan.FromMinutes(2);

    string Pick(string[] options) => options[rng.Next(options.Length)];
}
