using GridGov.Features.Organization;
using GridGov.Features.Tickets.Deadlines;
using GridGov.Features.Tickets.Dispatching;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Files;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using static GridGov.Features.Tickets.TicketAction;

namespace GridGov.Features.Tickets;

// What each action does to a ticket besides moving its state (the table decides whether it may).
// Returns the input errors, per field, in Chinese; nothing is changed when there are any.
public sealed class TicketEffects(GridDbContext db, TicketClock clock, FileStore files, DispatchRules rules, Duplicates.DuplicateLinks links, DepartmentModel model)
{
    public async Task<Dictionary<string, string[]>> ApplyAsync(TicketChangeContext c, CancellationToken ct)
    {
        var (t, r) = (c.Ticket, c.Request);
        var note = TicketActions.Clean(r.Note);
        var errors = new Dictionary<string, string[]>();
        void Need(bool ok, string field, string message) { if (!ok) errors[field] = [message]; }
        Need(note is null || note.Length <= Ticket.DescriptionMax, "note", $"说明不能超过 {Ticket.DescriptionMax} 字");
        var photos = (r.Photos ?? []).Select(p => p.Trim().ToLowerInvariant()).Distinct().ToList();
        Need(photos.Count <= 9, "photos", "照片最多 9 张");
        if (photos.FirstOrDefault(p => !files.Exists(p)) is { } missing) errors["photos"] = [$"照片 {missing[..Math.Min(12, missing.Length)]} 不存在，请重新上传"];
        c.Photos = photos;
        switch (c.Step.Action)
        {
            case Reject or Return or Escalate or VerifyFail or RequestShelve or Unlink:
                Need(note is not null, "note", "请填写原因");
                break;
            case ReportBack:
                Need(note is not null, "note", "请填写处置结果");
                break;
            case SelfHandle:
                Need(note is not null, "note", "请填写处置结果");
                Need(photos.Count > 0, "photos", "自行处置须附处置后的照片");
                break;
            case RequestExtension:
                Need(note is not null, "note", "请填写延期原因");
                Need(r.Days is >= 0.5 and <= 30, "days", "延期天数须在 0.5 到 30 个工作日之间");
                break;
            case Evaluate:
                Need(r.Evaluation is not null, "evaluation", "请选择评价（满意、基本满意、不满意）");
                break;
            case Supervise:
                Need(r.Level is > Supervision.None, "level", "请选择督办级别（普通、黄牌、红牌）");
                Need(r.Level is null || r.Level >= t.Supervision, "level", "督办级别不能低于当前级别");
                break;
            case Dispatch:
                await CheckDepartmentsAsync(r, errors, ct);
                break;
            case LinkDuplicate:
                await links.CheckPrimaryAsync(t, r.PrimaryId, errors, ct);
                break;
        }
        if (c.Step.Action == Escalate && OrgCode.LevelOf(t.CentreCode) is OrgLevel.City or null)
            errors["note"] = ["已是市级指挥中心，不能再上报"];
        if (errors.Count > 0) return errors;

        Apply(c, note);
        return errors;
    }

    void Apply(TicketChangeContext c, string? note)
    {
        var (t, r, now) = (c.Ticket, c.Request, c.Now);
        switch (c.Step.Action)
        {
            case Accept:
                c.FollowUps.Add(ct => AutoDispatchAsync(c, ct));
                break;
            case Escalate:
                t.CentreCode = OrgCode.Parent(t.CentreCode) ?? t.CentreCode;
                c.RestartClock = true;
                break;
            case Dispatch:
                Assign(t, r.DepartmentId!.Value, r.CoDepartmentIds ?? [], now);
                c.Department = r.DepartmentId;
                c.FollowUps.Add(async ct =>
                    model.Learn(t.Description, await db.Departments.Where(d => d.Id == t.LeadDepartmentId).Select(d => d.Kind).FirstAsync(ct)));
                break;
            case Return:
                c.Department = t.LeadDepartmentId;
                foreach (var a in t.Assignments) a.Active = false;
                t.LeadDepartmentId = null;
                t.ReturnCount++;
                break;
            case RequestExtension or RequestShelve:
                t.Pending = c.Step.Action == RequestExtension ? PendingRequest.Extension : PendingRequest.Shelve;
                t.PendingNote = note;
                t.PendingDays = c.Step.Action == RequestExtension ? r.Days : null;
                c.Department = t.LeadDepartmentId;
                break;
            case ApproveExtension:
                t.HandleDueAt = clock.Calendar.AddWorkingDays(t.HandleDueAt ?? now, t.PendingDays ?? 0);
                t.ExtensionCount++;
                ClearPending(t);
                c.RestartClock = true;
                break;
            case DenyExtension or DenyShelve or ApproveShelve:
                ClearPending(t);
                break;
            case Resume:
                t.HandleDueAt = clock.Due(now, t.HandleLimit);
                break;
            case ReportBack or SelfHandle:
                t.Result = note;
                t.SelfHandled |= c.Step.Action == SelfHandle;
                c.Department = t.LeadDepartmentId;
                break;
            case VerifyFail:
                t.ReworkCount++;
                t.HandleDueAt = clock.Due(now, t.HandleLimit);
                break;
            case Close:
                t.ClosedAt = now;
                c.FollowUps.Add(ct => links.CloseDuplicatesAsync(c, ct));
                c.FollowUps.Add(ct => Notices.TellReporterAsync(db, t, $"您上报的事件（{Ticket.NumberOf(t.Id, t.ReportedAt)}）已结案：{t.Result}", now, ct));
                break;
            case Reject:
                c.FollowUps.Add(ct => Notices.TellReporterAsync(db, t, $"您上报的事件（{Ticket.NumberOf(t.Id, t.ReportedAt)}）不予立案：{note}", now, ct));
                break;
            case LinkDuplicate:
                t.PrimaryId = r.PrimaryId;
                break;
            case Unlink:
                t.PrimaryId = null;
                break;
            case Evaluate:
                t.Evaluation = r.Evaluation;
                t.EvaluationNote = note;
                break;
            case Supervise:
                t.Supervision = r.Level!.Value;
                break;
        }
    }

    static void ClearPending(Ticket t)
    {
        t.Pending = PendingRequest.None;
        t.PendingNote = null;
        t.PendingDays = null;
    }

    void Assign(Ticket t, long lead, IEnumerable<long> co, DateTime now)
    {
        foreach (var a in t.Assignments) a.Active = false;
        t.Assignments.Add(new TicketAssignment { DepartmentId = lead, Lead = true, Active = true, AssignedAt = now });
        foreach (var d in co.Where(d => d != lead).Distinct())
            t.Assignments.Add(new TicketAssignment { DepartmentId = d, Lead = false, Active = true, AssignedAt = now });
        t.LeadDepartmentId = lead;
        t.HandleDueAt = clock.Due(now, t.HandleLimit);
    }

    async Task CheckDepartmentsAsync(TicketActionRequest r, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (r.DepartmentId is not { } lead) { errors["departmentId"] = ["请选择主办部门"]; return; }
        var wanted = (r.CoDepartmentIds ?? []).Append(lead).Distinct().ToList();
        if (wanted.Count > 10) { errors["coDepartmentIds"] = ["协办部门最多 9 个"]; return; }
        var found = await db.Departments.Where(d => wanted.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        if (!found.Contains(lead)) errors["departmentId"] = [$"部门 {lead} 不存在或不在您的管理范围内"];
        else if (wanted.Except(found).FirstOrDefault() is var missing && missing != 0) errors["coDepartmentIds"] = [$"协办部门 {missing} 不存在或不在您的管理范围内"];
    }

    // After acceptance the first matching rule dispatches at once, as the system.
    async Task AutoDispatchAsync(TicketChangeContext c, CancellationToken ct)
    {
        var t = c.Ticket;
        if (await rules.MatchAsync(t, c.Now, ct) is not { } rule) return;
        Assign(t, rule.DepartmentId, [], c.Now);
        t.State = TicketState.Dispatched;
        t.DueAt = clock.StageDue(t, c.Now);
        db.TicketEvents.Add(History.Row(t, Dispatch, TicketState.Accepted, null, c.Now, $"按派遣规则“{rule.Name}”自动派遣", department: rule.DepartmentId));
    }
}
