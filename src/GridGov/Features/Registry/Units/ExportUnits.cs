using GridGov.Features.Organization;
using GridGov.Features.Registry.Codes;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Export;

namespace GridGov.Features.Registry.Units;

// "导出" of the units list: every unit of the list's filter (all pages, caller's scope), people's
// numbers masked as the list shows them.
public sealed class ExportUnits(ListUnits list, XlsxExport export, Places places, CodeBook codes)
{
    sealed record Row(string Name, UnitKind Kind, string? CreditCode, string? Category, string? AddressText, long GridCode, string? Phone, int? Employees,
        string? LegalRepName, string? LegalRepIdMasked, string? LegalRepPhoneMasked, string? Attention, bool HasPartyOrg, VerificationState State,
        RecordSource Source, string? SourceSystem);

    public async Task<IResult> HandleAsync(UnitQuery q, CancellationToken ct = default)
    {
        await places.NameAsync(0, ct);
        var grids = new Dictionary<long, string?>();
        string? GridName(long code) => grids.TryGetValue(code, out var n) ? n : grids[code] = places.NameAsync(code).GetAwaiter().GetResult();
        var attention = codes[UnitStandard.AttentionTable];
        string? CategoryName(Row r) => UnitStandard.CategoryTable(r.Kind) is { } t ? codes[t].NameOf(r.Category) : null;
        var rows = list.Filter(q).OrderBy(u => u.GridCode).ThenBy(u => u.Id)
            .Select(u => new Row(u.Name, u.Kind, u.CreditCode, u.Category, u.AddressText, u.GridCode, u.Phone, u.Employees, u.LegalRepName,
                u.LegalRepIdMasked, u.LegalRepPhoneMasked, u.Attention, u.HasPartyOrg, u.State, u.Source, u.SourceSystem))
            .AsEnumerable();
        XlsxColumn<Row>[] columns =
        [
            new("单位名称", r => r.Name, 28),
            new("单位类型", r => UnitNames.Kind(r.Kind), 16),
            new("统一社会信用代码", r => r.CreditCode, 22),
            new("单位类别", CategoryName, 14),
            new("单位地址", r => r.AddressText, 30),
            new("网格", r => GridName(r.GridCode), 24),
            new("单位电话", r => r.Phone, 14),
            new("员工数", r => r.Employees, 8),
            new("法定代表人", r => r.LegalRepName, 10),
            new("法定代表人证件号码", r => r.LegalRepIdMasked, 22),
            new("法定代表人电话", r => r.LegalRepPhoneMasked, 14),
            new("关注程度", r => attention.NameOf(r.Attention), 8),
            new("有党组织", r => r.HasPartyOrg ? "是" : "否", 8),
            new("核实状态", r => RegistryNames.State(r.State), 10),
            new("来源", r => r.SourceSystem ?? RegistryNames.Source(r.Source), 14),
        ];
        var keyword = q.Keyword?.Trim();
        var filter = string.Join("；", new[]
        {
            q.Unit is { } unit ? $"辖区：{await places.NameAsync(unit, ct) ?? unit.ToString()}" : null,
            q.Kind is { } k ? $"单位类型：{UnitNames.Kind(k)}" : null,
            q.State is { } s ? $"核实状态：{RegistryNames.State(s)}" : null,
            string.IsNullOrEmpty(keyword) ? null : $"关键词：{keyword}",
        }.OfType<string>());
        return await export.FileAsync(rows, columns, nameof(Unit), "实有单位", filter, ct);
    }
}
