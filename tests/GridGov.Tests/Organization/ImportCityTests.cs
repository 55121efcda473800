using GridGov.Infrastructure.Database;
using GridGov.Features.Audit;
using GridGov.Features.Organization;
using GridGov.Features.Organization.Import;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Tests.Organization;

public sealed class ImportCityTests : IAsyncLifetime
{
    readonly EmptyGridGovApp app = new();
    static readonly string Data = Path.Combine(AppContext.BaseDirectory, "data");

    public Task InitializeAsync() { _ = app.Server; return Task.CompletedTask; }
    public async Task DisposeAsync() => await app.DisposeAsync();

    Task<ImportReport> ImportAsync(long city, string divisions, string boundaries) =>
        app.Services.CreateScope().ServiceProvider.GetRequiredService<ImportCity>()
            .RunAsync(new ImportCityRequest(city, divisions, boundaries), AuditActor.System);

    static string Divisions(string slice) => Path.Combine(Data, "divisions", slice);
    static string Boundaries(string slice) => Path.Combine(Data, "boundaries", $"{slice}-districts.geojson");
    static int Rows(string slice, string file) => File.ReadLines(Path.Combine(Divisions(slice), file)).Skip(1).Count(l => l.Length > 0);

    async Task<Dictionary<OrgLevel, int>> CountsAsync(long city)
    {
        await using var db = app.UnscopedDb();
        var (from, to) = OrgCode.Subtree(city);
        return await db.OrgUnits.Where(u => u.GridCode >= from && u.GridCode <= to)
            .GroupBy(u => u.Level).ToDictionaryAsync(g => g.Key, g => g.Count());
    }

    [Theory]
    [InlineData(3201, "nanjing-3201")]
    [InlineData(3205, "suzhou-3205")]
    public async Task Imported_counts_equal_the_division_files(long city, string slice)
    {
        var report = await ImportAsync(city, Divisions(slice), Boundaries(slice));
        Assert.True(report.Succeeded, string.Join("\n", report.Lines()));

        var counts = await CountsAsync(city);
        Assert.Equal(1, counts[OrgLevel.City]);
        Assert.Equal(Rows(slice, "areas.csv"), counts[OrgLevel.District]);
        Assert.Equal(Rows(slice, "streets.csv"), counts[OrgLevel.Street]);
        Assert.Equal(Rows(slice, "villages.csv"), counts[OrgLevel.Community]);
        Assert.InRange(counts[OrgLevel.Grid], 3 * counts[OrgLevel.Community], 8 * counts[OrgLevel.Community]);
        Assert.Equal(counts[OrgLevel.Grid], report.Counts[OrgLevel.Grid]);
    }

    [Fact]
    public async Task Suzhou_industrial_park_without_a_boundary_is_reported_and_still_imported()
    {
        var report = await ImportAsync(3205, Divisions("suzhou-3205"), Boundaries("suzhou-3205"));
        Assert.True(report.Succeeded);
        var warning = Assert.Single(report.Warnings, w => w.Message.Contains("320576"));
        Assert.Contains("没有边界数据", warning.Message);
        Assert.Equal("areas.csv", warning.File);
        Assert.Contains(report.Notes, n => n.Contains("苏州工业园区") && n.Contains("没有生成边界"));

        await using var db = app.UnscopedDb();
        var park = await db.OrgUnits.SingleAsync(u => u.Code == 320576);
        Assert.Null(park.Boundary);
        Assert.True(await db.OrgUnits.CountAsync(u => u.ParentCode == 320576) > 0);
        // Every other district got its real boundary and generated children.
        Assert.Equal(0, await db.OrgUnits.CountAsync(u => u.Level == OrgLevel.District && u.Code / 100 == 3205 && u.Code != 320576 && u.Boundary == null));
    }

    [Fact]
    public async Task A_boundary_whose_district_is_not_in_the_divisions_is_reported()
    {
        var dir = CopySlice("nanjing-3201");
        // Drop 高淳区 from the divisions (with its streets and communities): its boundary is left over.
        Filter(dir, "areas.csv", l => !l.StartsWith("320118"));
        Filter(dir, "streets.csv", l => !l.StartsWith("320118"));
        Filter(dir, "villages.csv", l => !l.StartsWith("320118"));
        var report = await ImportAsync(3201, dir, Boundaries("nanjing-3201"));
        Assert.True(report.Succeeded);
        Assert.Contains(report.Warnings, w => w.Message.Contains("320118") && w.Message.Contains("不在行政区划中"));
    }

    public static TheoryData<string, Action<string>, string, string> Malformed => new()
    {
        { "missing column", d => Rewrite(d, "streets.csv", 0, "code,name,provinceCode,cityCode"), "streets.csv 第 1 行", "缺少列 areaCode" },
        { "bad code", d => Rewrite(d, "streets.csv", 3, "32010200X,\"坏街道\",320102,32,3201"), "streets.csv 第 4 行", "代码“32010200X”无效" },
        { "duplicate code", d => Append(d, "villages.csv", "320102002001,\"重复社区\",320102002,32,3201,320102"), "villages.csv 第 1324 行", "代码 320102002001 重复" },
        { "missing parent", d => Append(d, "villages.csv", "320102999001,\"孤儿社区\",320102999,32,3201,320102"), "villages.csv 第 1324 行", "上级 streetCode=320102999 不存在" },
        { "missing file", d => File.Delete(Path.Combine(d, "villages.csv")), "villages.csv", "文件不存在" },
        { "short line", d => Append(d, "villages.csv", "320102002099,\"缺列社区\",320102002"), "villages.csv 第 1324 行", "只有 3 列，应有 6 列" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Malformed_divisions_are_reported_by_file_and_line_and_nothing_is_written(string _, Action<string> corrupt, string where, string why)
    {
        var dir = CopySlice("nanjing-3201");
        corrupt(dir);
        var auditBefore = await AuditCountAsync();

        var report = await ImportAsync(3201, dir, Boundaries("nanjing-3201"));

        Assert.False(report.Succeeded);
        Assert.Contains(report.Errors, e => e.ToString().StartsWith(where) && e.Message.Contains(why));
        Assert.Equal("导入失败：发现 " + report.Errors.Count + " 处错误，未写入任何数据。", report.Lines().First());
        await AssertNothingWrittenAsync(auditBefore);
    }

    [Theory]
    [InlineData("{ \"type\": \"FeatureCollection\", \"features\": [ {", "不是有效的 JSON")]
    [InlineData("{ \"type\": \"Feature\" }", "不是 GeoJSON FeatureCollection")]
    [InlineData("{ \"type\": \"FeatureCollection\", \"features\": [ { \"type\": \"Feature\", \"id\": \"320102\", \"properties\": {}, \"geometry\": { \"type\": \"Point\", \"coordinates\": [118.8, 32.0] } } ] }", "应为 Polygon 或 MultiPolygon")]
    [InlineData("{ \"type\": \"FeatureCollection\", \"features\": [ { \"type\": \"Feature\", \"id\": \"abc\", \"properties\": {}, \"geometry\": null } ] }", "不是 6 位区县代码")]
    public async Task Invalid_geojson_is_reported_and_nothing_is_written(string json, string why)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("gridgov-geo-").FullName, "bad.geojson");
        await File.WriteAllTextAsync(file, json);
        var auditBefore = await AuditCountAsync();

        var report = await ImportAsync(3201, Divisions("nanjing-3201"), file);

        Assert.False(report.Succeeded);
        Assert.Contains(report.Errors, e => e.File == "bad.geojson" && e.Message.Contains(why));
        await AssertNothingWrittenAsync(auditBefore);
    }

    [Fact]
    public async Task Importing_the_same_city_twice_changes_nothing_the_second_time()
    {
        Assert.True((await ImportAsync(3201, Divisions("nanjing-3201"), Boundaries("nanjing-3201"))).Succeeded);
        var before = await CountsAsync(3201);
        var again = await ImportAsync(3201, Divisions("nanjing-3201"), Boundaries("nanjing-3201"));
        Assert.False(again.Succeeded);
        Assert.Contains("已经导入", again.Errors.Single().Message);
        Assert.Equal(before, await CountsAsync(3201));
    }

    [Fact]
    public async Task The_command_line_imports_reports_and_exits_with_the_outcome()
    {
        var (ok, output) = await CliAsync("import-city", "--code", "3205", "--divisions", Divisions("suzhou-3205"), "--boundaries", Boundaries("suzhou-3205"));
        Assert.Equal(0, ok);
        Assert.Contains("导入完成：市 1 个，区县 10 个", output);
        Assert.Contains("苏州工业园区", output);

        var (again, againOutput) = await CliAsync("import-city", "--code", "3205", "--divisions", Divisions("suzhou-3205"), "--boundaries", Boundaries("suzhou-3205"));
        Assert.Equal(1, again);
        Assert.Contains("已经导入", againOutput);

        var (usage, _) = await CliAsync("import-city", "--code", "3205");
        Assert.Equal(2, usage);
    }

    async Task<(int Exit, string Output)> CliAsync(params string[] args)
    {
        var output = new StringWriter();
        return (await GridGov.Infrastructure.Cli.Commands.RunAsync(app.Services, args[0], args[1..], output), output.ToString());
    }

    async Task<int> AuditCountAsync()
    {
        await using var db = app.UnscopedDb();
        return await db.AuditRecords.CountAsync();
    }

    async Task AssertNothingWrittenAsync(int auditBefore)
    {
        await using var db = app.UnscopedDb();
        Assert.Equal(0, await db.OrgUnits.CountAsync());
        Assert.Equal(auditBefore, await db.AuditRecords.CountAsync());
    }

    static string CopySlice(string slice)
    {
        var dir = Directory.CreateTempSubdirectory("gridgov-div-").FullName;
        foreach (var f in Directory.GetFiles(Divisions(slice))) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return dir;
    }

    static void Rewrite(string dir, string file, int line, string text)
    {
        var lines = File.ReadAllLines(Path.Combine(dir, file));
        lines[line] = text;
        File.WriteAllLines(Path.Combine(dir, file), lines);
    }

    static void Append(string dir, string file, string text) => File.AppendAllLines(Path.Combine(dir, file), [text]);

    static void Filter(string dir, string file, Func<string, bool> keep)
    {
        var lines = File.ReadAllLines(Path.Combine(dir, file));
        File.WriteAllLines(Path.Combine(dir, file), lines.Take(1).Concat(lines.Skip(1).Where(keep)));
    }
}
