using GridGov.Features.Organization;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Export;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Registry.Focus;

// "导出" of the focus list: every subject of the list's filter (all pages, caller's area), the ID number
// masked as the list shows it; no phone.
public sealed class ExportFocusSubjects(ListFocusSubjects list, XlsxExport export, Places places)
{
    public async Task<IResult> HandleAsync(FocusQuery q, CancellationToken ct = default)
    {
        if (q.Kind is { Length: > 0 } k && FocusKinds.Find(k) is null)
            return ResultHttp.Invalid(new Dictionary<string, string[]> { ["kind"] = [$"“{k}”不是重点关注类别"] });
        await places.NameAsync(0, ct);
        var today = list.Today;
        var rows = list.Rows(list.Filter(q)).AsEnumerable();
        string? Grid(long code) => places.NameAsync(code).GetAwaiter().GetResult();
        XlsxColumn<ListFocusSubjects.Joined>[] columns =
        [
            new("姓名", r => r.Name, 10),
            new("性别", r => ListPeople.GenderName(r.Gender), 6),
            new("公民身份号码", r => r.IdMasked, 22),
            new("关注类别", r => FocusKinds.Name(r.S.Kind), 14),
            new("风险等级", r => FocusNames.Risk(r.S.Risk), 8),
            new("责任人", r => r.S.ResponsibleName, 14),
            new("走访周期（天）", r => r.S.VisitEveryDays, 12),
            new("上次走访", r => r.S.LastVisitAt is { } t ? ChinaTime.DateOf(t).ToString("yyyy-MM-dd") : null, 12),
            new("下次走访", r => r.S.NextVisitDue.ToString("yyyy-MM-dd"), 12),
            new("逾期天数", r => r.S.ClosedOn is null && r.S.NextVisitDue < today ? today.DayNumber - r.S.NextVisitDue.DayNumber : null, 10),
            new("网格", r => Grid(r.S.GridCode), 24),
            new("解除关注日期", r => r.S.ClosedOn?.ToString("yyyy-MM-dd"), 12),
            new("备注", r => r.S.Note, 30),
        ];
        var filter = string.Join("；", new[]
        {
            q.Unit is { } unit ? $"单位：{await places.NameAsync(unit, ct) ?? unit.ToString()}" : null,
            string.IsNullOrEmpty(q.Kind) ? null : $"关注类别：{FocusKinds.Name(q.Kind)}",
            q.Risk is { } risk ? $"风险等级：{FocusNames.Risk(risk)}" : null,
            q.Due is { } due and not FocusDue.All ? $"走访：{FocusKinds.DueName(due)}" : null,
            q.Responsible is { } w ? $"责任人：{w}" : null,
            string.IsNullOrWhiteSpace(q.Keyword) ? null : $"姓名：{q.Keyword.Trim()}",
            q.IncludeClosed ? "含已解除关注" : null,
        }.OfType<string>());
        return await export.FileAsync(rows, columns, nameof(FocusSubject), "重点关注对象", filter, ct);
    }
}
