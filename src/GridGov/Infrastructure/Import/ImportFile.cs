using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace GridGov.Infrastructure.Import;

// Reads an uploaded file row by row, whatever its size: CSV in UTF-8 (with or without BOM) or GB18030
// (what Excel on Chinese Windows saves as "CSV"), or XLSX. Values come out cleaned (ImportCleaning)
// and keyed by header; numbers typed into Excel cells come out as the digits they show.
public static class ImportFile
{
    static ImportFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public const string Csv = "csv", Xlsx = "xlsx";

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    // By the bytes, not the name: XLSX is a ZIP ("PK\x03\x04"); anything else is read as CSV.
    public static string FormatOf(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var f = File.OpenRead(path);
        return f.Read(head) == 4 && head.SequenceEqual("PK\u0003\u0004"u8) ? Xlsx : Csv;
    }

    // UTF-8 if every byte of the file is valid UTF-8 (a BOM or plain ASCII included), else GB18030.
    // The whole file is checked, in blocks: a GB18030 file may be ASCII for its first megabyte.
    public static string DetectEncoding(string path)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[1 << 16];
        var chars = new char[buffer.Length + 4];
        using var f = File.OpenRead(path);
        try
        {
            int n;
            while ((n = f.Read(buffer)) > 0) decoder.GetChars(buffer, 0, n, chars, 0, flush: false);
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return "utf-8";
        }
        catch (DecoderFallbackException) { return "gb18030"; }
    }

    // The header and the rows after it. Line numbers count the header as 1, as a spreadsheet shows them.
    // `canonical` maps the file's headers to the target's (aliases, a "*" marking a required column).
    public static (IReadOnlyList<string> Header, IEnumerable<ImportRow> Rows) Open(string path, string format, string? encoding, Func<string, string> canonical)
    {
        if (format == Xlsx)
        {
            var xlsxHeader = XlsxHeader(path).Select(canonical).ToList();
            return (xlsxHeader, XlsxRows(path, xlsxHeader));
        }
        var enc = encoding == "gb18030" ? Gb18030 : new UTF8Encoding(false);
        var header = (ReadCsv(path, enc).FirstOrDefault() ?? []).Select(canonical).ToList();
        return (header, CsvRows(path, enc, header));
    }

    static IEnumerable<string[]> ReadCsv(string path, Encoding encoding)
    {
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null, HasHeaderRecord = false, DetectColumnCountChanges = false };
        using var csv = new CsvParser(reader, config);
        while (csv.Read()) yield return [.. csv.Record!.Select(ImportCleaning.Value)];
    }

    static IEnumerable<ImportRow> CsvRows(string path, Encoding encoding, IReadOnlyList<string> header)
    {
        var line = 1;
        foreach (var record in ReadCsv(path, encoding).Skip(1))
        {
            line++;
            if (record.All(v => v.Length == 0)) continue;
            var values = new Dictionary<string, string>(header.Count);
            for (var i = 0; i < header.Count; i++) values.TryAdd(header[i], i < record.Length ? record[i] : "");
            yield return new(line, values);
        }
    }

    static List<string> XlsxHeader(string path) =>
        MiniExcel.Query(path, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().FirstOrDefault()?
            .Values.Select(v => ImportCleaning.Value(Text(v))).ToList() ?? [];

    static IEnumerable<ImportRow> XlsxRows(string path, IReadOnlyList<string> header)
    {
        var line = 1;
        foreach (var row in MiniExcel.Query(path, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Skip(1))
        {
            line++;
            var cells = row.Values.Select(v => ImportCleaning.Value(Text(v))).ToList();
            if (cells.All(v => v.Length == 0)) continue;
            var values = new Dictionary<string, string>(header.Count);
            for (var i = 0; i < header.Count; i++) values.TryAdd(header[i], i < cells.Count ? cells[i] : "");
            yield return new(line, values);
        }
    }

    // A number cell as the digits it shows (no "1.2E+17", no ".0"); a date cell as yyyy-MM-dd.
    static string Text(object? value) => value switch
    {
        null => "",
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
