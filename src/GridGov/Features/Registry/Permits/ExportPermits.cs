using GridGov.Features.Organization;
using GridGov.Infrastructure.Export;

namespace GridGov.Features.Registry.Permits;

// "导出" of the permit list: every permit its filter selects (all pages, caller's scope), numbers masked.
public sealed class ExportPermits(ListPermits list, XlsxExport export, Places places)
{
    public async Task<IResult> HandleAsync(PermitQuery q, CancellationToken ct = default)
    {
        var joined = list.Rows(list.Filter(q)).OrderBy(r => r.Permit.ExpiresOn).ThenBy(r => r.Permit.Id).AsEnumerable();
        var rows = joined.Select(j => list.ToRowsAsync([j], ct).GetAwaiter().GetResult()[0]);
        XlsxColumn<PermitRow>[] columns =
        [
            new("姓名", p => p.Name, 10),
            new("公民身份号码", p => p.IdMasked, 22),
            new("联系电话", p => p.PhoneMasked, 14),
            new("现住地址", p => p.Address, 30),
            new("办证类型", p => p.KindName, 10),
            new("签发日期", p => p.IssuedOn.ToString("yyyy-MM-dd"), 12),
            new("有效期至", p => p.ExpiresOn.ToString("yyyy-MM-dd"), 12),
            new("剩余天数", p => p.Status is PermitStatus.Cancelled ? null : p.DaysLeft, 10),
            new("状态", p => p.StatusName, 10),
            new("签发机关", p => p.IssuedBy, 20),
            new("注销日期", p => p.CancelledOn?.ToString("yyyy-MM-dd"), 12),
            new("网格", p => p.GridName, 24),
        ];
        var keyword = q.Keyword?.Trim();
        var filter = string.Join("；", new[]
        {
            q.Unit is { } unit ? $"单位：{await places.NameAsync(unit, ct) ?? unit.ToString()}" : null,
            q.Status is { } s ? $"状态：{PermitNames.Status(s)}" : null,
            string.IsNullOrEmpty(keyword) ? null : $"姓名：{keyword}",
        }.OfType<string>());
        return await export.FileAsync(rows, columns, nameof(ResidencePermit), "居住证", filter, ct);
    }
}
