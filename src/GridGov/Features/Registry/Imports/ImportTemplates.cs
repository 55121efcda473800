using GridGov.Infrastructure.Export;
using GridGov.Infrastructure.Import;
using MiniExcelLibs;

namespace GridGov.Features.Registry.Imports;

// The template of an import format: the header row (required columns marked with *), one example
// row, and a second sheet 填写说明 saying what goes in each column.
public static class ImportTemplates
{
    public static byte[] Xlsx(IImportTarget target)
    {
        var example = target.Columns.ToDictionary(c => c.Required ? c.Header + "*" : c.Header, c => (object?)c.Example);
        var notes = target.Columns.Select(c => new Dictionary<string, object?>
        {
            ["列名"] = c.Header, ["是否必填"] = c.Required ? "必填" : "选填", ["填写要求"] = c.Format, ["示例"] = c.Example,
            ["也可写作"] = string.Join("、", c.Aliases),
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [target.Name] = new[] { example }, ["填写说明"] = notes });
        return stream.ToArray();
    }

    public static string FileName(IImportTarget target) => $"{target.Name}导入模板.xlsx";

    public static IResult File(IImportTarget target) => TypedResults.File(Xlsx(target), XlsxExport.ContentType, FileName(target));
}
