using GridGov.Features.Organization;
using GridGov.Infrastructure.Export;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Registry.People;

// "导出" of the people list: every person of the list's filter (all pages, caller's scope), with the
// numbers masked as the list shows them — an export never carries a full ID or phone number; a number
// is no export filter (it would sit in the URL and the audit record).
public sealed class ExportPeople(ListPeople list, XlsxExport export, Places places)
{
    sealed record Row(string Name, string Gender, DateOnly? BirthDate, string IdMasked, string? PhoneMasked, ResidencyType Residency,
        string? CurrentAddress, long GridCode, VerificationState State, RecordSource Source, string? SourceSystem);

    public async Task<IResult> HandleAsync(PeopleQuery q, CancellationToken ct = default)
    {
        if (list.IsNumber(q.Keyword))
            return ResultHttp.Invalid(new Dictionary<string, string[]> { ["keyword"] = ["证件号码和电话号码不能放在网址中；按号码查到的人员请在其详情页查看"] });
        // Places keeps every unit's name in memory once loaded: load it here, then names come as rows pass
        // (no second query over the filter).
        await places.NameAsync(0, ct);
        var grids = new Dictionary<long, string?>();
        string? GridName(long code) => grids.TryGetValue(code, out var n) ? n : grids[code] = places.NameAsync(code).GetAwaiter().GetResult();
        var rows = list.Filter(q).OrderBy(p => p.GridCode).ThenBy(p => p.Id)
            .Select(p => new Row(p.Name, p.Gender, p.BirthDate, p.IdMasked, p.PhoneMasked, p.Residency, p.CurrentAddress, p.GridCode, p.State, p.Source, p.SourceSystem))
            .AsEnumerable();
        XlsxColumn<Row>[] columns =
        [
            new("姓名", p => p.Name, 10),
            new("性别", p => ListPeople.GenderName(p.Gender), 6),
            new("出生日期", p => p.BirthDate?.ToString("yyyy-MM-dd"), 12),
            new("公民身份号码", p => p.IdMasked, 22),
            new("联系电话", p => p.PhoneMasked, 14),
            new("人口类型", p => PersonCheck.ResidencyName(p.Residency), 8),
            new("现住地址", p => p.CurrentAddress, 30),
            new("网格", p => GridName(p.GridCode), 24),
            new("核实状态", p => RegistryNames.State(p.State), 10),
            new("来源", p => p.SourceSystem ?? RegistryNames.Source(p.Source), 14),
        ];
        var keyword = q.Keyword?.Trim();
        var filter = string.Join("；", new[]
        {
            q.Unit is { } unit ? $"单位：{await places.NameAsync(unit, ct) ?? unit.ToString()}" : null,
            q.Residency is { } r ? $"人口类型：{PersonCheck.ResidencyName(r)}" : null,
            q.State is { } s ? $"核实状态：{RegistryNames.State(s)}" : null,
            string.IsNullOrEmpty(keyword) ? null : $"关键词：{keyword}",
        }.OfType<string>());
        return await export.FileAsync(rows, columns, nameof(Person), "实有人口", filter, ct);
    }
}
