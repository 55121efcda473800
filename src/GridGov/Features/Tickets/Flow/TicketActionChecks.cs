using GridGov.Infrastructure.Files;
using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using static GridGov.Features.Tickets.TicketAction;

namespace GridGov.Features.Tickets;

// The inputs of an action taken by a person: what each action needs, in Chinese per field, and the
// cleaned inputs for its effect. Nothing is changed here.
public sealed class TicketActionChecks(GridDbContext db, OwnPhotos owned, Duplicates.DuplicateLinks links)
{
    public async Task<(StepInput Input, Dictionary<string, string[]> Errors)> CheckAsync(Ticket t, TicketAction action, TicketActionRequest r, CancellationToken ct)
    {
        var note = Clean(r.Note);
        var errors = new Dictionary<string, string[]>();
        void Need(bool ok, string field, string message) { if (!ok) errors[field] = [message]; }
        Need(note is null || note.Length <= Ticket.DescriptionMax, "note", $"说明不能超过 {Ticket.DescriptionMax} 字");
        var (photos, photoError) = await owned.CheckAsync(r.Photos, ct);
        if (photoError is not null) errors["photos"] = [photoError];
        switch (action)
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
        if (action == Escalate && OrgCode.LevelOf(t.CentreCode) is OrgLevel.City or null)
            errors["note"] = ["已是市级指挥中心，不能再上报"];
        var input = new StepInput(note, r.DepartmentId, r.CoDepartmentIds, r.PrimaryId, r.Days, r.Evaluation, r.Level, Photos: photos);
        return (input, errors);
    }

    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s = Infrastructure.Text.CleanText.Multiline(s)) ? null : s.Trim();

    async Task CheckDepartmentsAsync(TicketActionRequest r, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (r.DepartmentId is not { } lead) { errors["departmentId"] = ["请选择主办部门"]; return; }
        var wanted = (r.CoDepartmentIds ?? []).Append(lead).Distinct().ToList();
        if (wanted.Count > 10) { errors["coDepartmentIds"] = ["协办部门最多 9 个"]; return; }
        var found = await db.Departments.Where(d => wanted.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        if (!found.Contains(lead)) errors["departmentId"] = [$"部门 {lead} 不存在或不在您的管理范围内"];
        else if (wanted.Except(found).FirstOrDefault() is var missing && missing != 0) errors["coDepartmentIds"] = [$"协办部门 {missing} 不存在或不在您的管理范围内"];
    }
}
