using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Organization;

// /api/v1/org/basemap: the city's base map. Every signed-in user reads it (each page's maps need it);
// only a city-wide account changes it (ADR 0009); the tile hosts join the pages' image policy. Each
// test leaves the setting as it found it: none.
[Collection(NanjingCollection.Name)]
public sealed class BaseMapTests(GridGovApp app)
{
    const string Url = "/api/v1/org/basemap";
    const string TiandituKey = "0123456789abcdef0123456789abcdef";

    static async Task<JsonElement> ReadAsync(HttpClient c) => await c.GetFromJsonAsync<JsonElement>(Url);

    async Task ResetAsync()
    {
        using var admin = await app.ClientForAsync("admin");
        var now = await ReadAsync(admin);
        if (now.GetProperty("preset").GetString() == "None") return;
        var r = await admin.PutAsJsonAsync(Url, new { preset = "None", version = now.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    async Task<string> PagePolicyAsync(string user)
    {
        using var c = app.CreateClient(new() { AllowAutoRedirect = false });
        await Forms.LoginAsync(c, user, app.Passwords[user]);
        var page = await c.GetAsync("/org");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return string.Join("", page.Headers.GetValues("Content-Security-Policy"));
    }

    static string ImageSources(string policy) => policy.Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("img-src "));

    [Fact]
    public async Task By_default_there_is_no_base_map_and_a_grid_worker_reads_that()
    {
        using var grid = await app.ClientForAsync("grid");
        var s = await ReadAsync(grid);
        Assert.Equal("None", s.GetProperty("preset").GetString());
        Assert.False(s.GetProperty("tiles").GetBoolean());
        Assert.Equal(JsonValueKind.Null, s.GetProperty("tileUrl").ValueKind);
        Assert.Equal("img-src 'self' data: blob:", ImageSources(await PagePolicyAsync("grid")));
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Url)).StatusCode);
    }

    [Fact]
    public async Task The_city_admin_sets_tianditu_with_its_key_and_every_user_gets_it()
    {
        try
        {
            using var admin = await app.ClientForAsync("admin");
            var version = (await ReadAsync(admin)).GetProperty("version").GetInt32();
            var r = await admin.PutAsJsonAsync(Url, new { preset = "TiandituVector", key = TiandituKey, version });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);

            using var grid = await app.ClientForAsync("grid");
            var s = await ReadAsync(grid);
            Assert.Equal("TiandituVector", s.GetProperty("preset").GetString());
            Assert.True(s.GetProperty("tiles").GetBoolean());
            Assert.Equal(TiandituKey, s.GetProperty("key").GetString());
            Assert.Equal("Wgs84", s.GetProperty("coordinates").GetString());
            Assert.Equal("01234567", s.GetProperty("subdomains").GetString());
            Assert.Equal(version + 1, s.GetProperty("version").GetInt32());
            var tiles = s.GetProperty("tileUrl").GetString()!;
            Assert.StartsWith("https://t{s}.tianditu.gov.cn/vec_w/wmts?", tiles);
            Assert.Contains("TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}", tiles);
            Assert.Contains("/cva_w/wmts?", s.GetProperty("annotationUrl").GetString());

            // The pages may now load images from t0…t7 (and from nowhere else).
            var img = ImageSources(await PagePolicyAsync("grid"));
            Assert.Equal("img-src 'self' data: blob: " + string.Join(" ", Enumerable.Range(0, 8).Select(i => $"https://t{i}.tianditu.gov.cn")), img);

            // Audited as 地图设置, the key recorded only as set.
            await using var db = app.UnscopedDb();
            var record = await db.AuditRecords.AsNoTracking().Where(a => a.EntityType == "BaseMapSetting").OrderByDescending(a => a.Seq).FirstAsync();
            Assert.Contains("TiandituVector", record.After);
            Assert.DoesNotContain(TiandituKey, record.After);
            using var audit = await app.ClientForAsync("auditor");
            var log = await audit.GetStringAsync("/api/v1/audit?entityType=BaseMapSetting");
            Assert.Contains("地图设置", log);

            // A second change from the version read before the first is refused.
            var stale = await admin.PutAsJsonAsync(Url, new { preset = "TiandituImagery", key = TiandituKey, version });
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Equal("TiandituVector", (await ReadAsync(grid)).GetProperty("preset").GetString());
        }
        finally { await ResetAsync(); }
    }

    [Fact]
    public async Task A_district_admin_is_refused_and_nothing_changes()
    {
        using var district = await app.ClientForAsync("district");
        var before = await ReadAsync(district);
        var r = await district.PutAsJsonAsync(Url, new
        {
            preset = "Custom", tileUrl = "https://tiles.xuanwu.example/{z}/{x}/{y}.png", coordinates = "Gcj02", version = before.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("无权修改全市设置", problem.GetProperty("title").GetString());
        Assert.Contains("地图设置是全市统一的设置", problem.GetProperty("detail").GetString());
        Assert.Equal(before.ToString(), (await ReadAsync(district)).ToString());

        // Without org.manage the route itself is closed.
        using var grid = await app.ClientForAsync("grid");
        Assert.Equal(HttpStatusCode.Forbidden, (await grid.PutAsJsonAsync(Url, new { preset = "None", version = 0 })).StatusCode);
    }

    [Fact]
    public async Task A_bad_template_is_refused_field_by_field_in_chinese_and_nothing_changes()
    {
        using var admin = await app.ClientForAsync("admin");
        var before = await ReadAsync(admin);
        var version = before.GetProperty("version").GetInt32();

        async Task<Dictionary<string, string[]>> ErrorsAsync(object body)
        {
            var r = await admin.PutAsJsonAsync(Url, body);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
        }

        var e = await ErrorsAsync(new
        {
            preset = "Custom", tileUrl = "ftp://tiles.example/{z}/{x}/{y}.png", annotationUrl = "https://labels.example/{z}/{x}.png",
            maxZoom = 30, attribution = new string('图', 101), version,
        });
        Assert.Contains("须以 http:// 或 https:// 开头", e["tileUrl"][0]);
        Assert.Contains("缺少 {y}", e["annotationUrl"][0]);
        Assert.Contains("1–22", e["maxZoom"][0]);
        Assert.Contains("不能超过 100 个字", e["attribution"][0]);

        e = await ErrorsAsync(new { preset = "Custom", tileUrl = "https://t{s}.tiles.example/{z}/{x}/{y}.png?layer={layer}", version });
        Assert.Contains("无法识别的占位符 {layer}", e["tileUrl"][0]);
        e = await ErrorsAsync(new { preset = "Custom", tileUrl = "https://t{s}.tiles.example/{z}/{x}/{y}.png", subdomains = "a b", version });
        Assert.Contains("子域名只能由字母和数字组成", e["subdomains"][0]);
        Assert.False(e.ContainsKey("tileUrl"));
        e = await ErrorsAsync(new { preset = "Custom", tileUrl = "https://t{s}.tiles.example/{z}/{x}/{y}.png", version });
        Assert.Contains("须填写子域名", e["tileUrl"][0]);
        e = await ErrorsAsync(new { preset = "Custom", tileUrl = "https://tiles.example/{z}/{x}/{y}.png?tk={tk}", version });
        Assert.Contains("请填写密钥", e["key"][0]);
        e = await ErrorsAsync(new { preset = "Custom", version });
        Assert.Equal("请填写瓦片地址模板", e["tileUrl"][0]);
        e = await ErrorsAsync(new { preset = "TiandituImagery", key = "密钥", version });
        Assert.Contains("天地图密钥应为", e["key"][0]);

        Assert.Equal(before.ToString(), (await ReadAsync(admin)).ToString());
    }

    [Fact]
    public async Task An_intranet_server_in_gcj02_with_subdomains_is_kept_as_typed()
    {
        try
        {
            using var admin = await app.ClientForAsync("admin");
            var version = (await ReadAsync(admin)).GetProperty("version").GetInt32();
            var r = await admin.PutAsJsonAsync(Url, new
            {
                preset = "Custom", tileUrl = " http://{s}.map.nj.gov:8080/tiles/{z}/{x}/{y}.png ", subdomains = "t1,t2", attribution = "南京市测绘院",
                maxZoom = 19, coordinates = "Gcj02", version,
            });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var s = await r.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("http://{s}.map.nj.gov:8080/tiles/{z}/{x}/{y}.png", s.GetProperty("tileUrl").GetString());
            Assert.Equal("Gcj02", s.GetProperty("coordinates").GetString());
            Assert.Equal(19, s.GetProperty("maxZoom").GetInt32());
            Assert.EndsWith("img-src 'self' data: blob: http://t1.map.nj.gov:8080 http://t2.map.nj.gov:8080", ImageSources(await PagePolicyAsync("street")));
        }
        finally { await ResetAsync(); }
    }
}
