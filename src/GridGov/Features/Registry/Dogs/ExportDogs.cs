using GridGov.Features.Organization;
using GridGov.Infrastructure.Export;

namespace GridGov.Features.Registry.Dogs;

// "导出" of the dog list: every dog its filter selects (all pages, caller's scope); the keeper's phone
// is not exported (the list shows it masked; the registry's people export has it).
public sealed class ExportDogs(ListDogs list, XlsxExport export, Places places)
{
    public async Task<IResult> HandleAsync(DogQuery q, CancellationToken ct = default)
    {
        await places.NameAsync(0, ct);
        var rows = list.Filter(q).OrderBy(d => d.GridCode).ThenBy(d => d.Id).AsEnumerable()
            .Select(d => list.Row(d, null, null, places.NameAsync(d.GridCode).GetAwaiter().GetResult()));
        XlsxColumn<DogRow>[] columns =
        [
            new("犬主", d => d.KeeperName, 10),
            new("犬名", d => d.Name, 10),
            new("品种", d => d.Breed, 14),
            new("大型犬/烈性犬", d => d.Restricted ? "是" : "否", 12),
            new("毛色", d => d.Colour, 8),
            new("性别", d => d.GenderName, 6),
            new("养犬登记证号", d => d.LicenceNo, 20),
            new("登记证有效期至", d => d.LicenceExpires?.ToString("yyyy-MM-dd"), 14),
            new("狂犬疫苗接种日期", d => d.VaccinatedOn?.ToString("yyyy-MM-dd"), 16),
            new("提醒", d => string.Join("、", new[] { d.LicenceReminderName, d.VaccineReminderName }.OfType<string>()), 24),
            new("网格", d => d.GridName, 24),
        ];
        var filter = string.Join("；", new[]
        {
            q.Unit is { } unit ? $"单位：{await places.NameAsync(unit, ct) ?? unit.ToString()}" : null,
            q.Restricted is { } r ? (r ? "大型犬/烈性犬" : "非大型犬/烈性犬") : null,
            q.Reminder is { } m ? $"提醒：{DogNames.ReminderFilter(m)}" : null,
            q.Keyword is { Length: > 0 } k ? $"关键词：{k.Trim()}" : null,
        }.OfType<string>());
        return await export.FileAsync(rows, columns, nameof(Dog), "养犬登记", filter, ct);
    }
}
