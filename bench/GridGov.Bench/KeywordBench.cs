using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Http.Headers;
using GridGov.Features.Analytics.Keywords;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace GridGov.Bench;

// 热点分析 on a city-month at full density: N generated tickets (default 600,000, a month of a city of
// 20,000 a day) squeezed into the last D days (default 30), each with a word of a long tail added, the
// keyword index built from nothing in
// this process (KeywordIndexer.RebuildAsync: cut every description, store its words, sum the days up),
// then the app started on it and the questions asked through HTTP as admin (the city), as a district,
// a street and a community are asked, each a month.
static class KeywordBench
{
    public static async Task RunAsync(Results results, int tickets, int days)
    {
        Console.Error.WriteLine($"keywords: {tickets:N0} tickets over the last {days} days of Nanjing on SQLite, {results.Runs} runs after 1 warm-up");
        await using var city = await BenchCity.CreateAsync(DatabaseProvider.Sqlite);
        var report = await TicketGenerator.RunAsync(city.Database, tickets);
        Squeeze(Path.Combine(city.DataDir, "gridgov.db"), days);
        Console.Error.WriteLine($"  {report}");
        results.Facts["keywords.generated"] = report + $", squeezed into {days} days";
        var before = city.DatabaseBytes();

        var writes = new KeywordIndexWrites(TimeProvider.System);
        var indexer = new KeywordIndexer(city.Database, writes, new KeywordRollup(city.Database, writes), TimeProvider.System,
            null!, new ConfigurationBuilder().Build(), NullLogger<KeywordIndexer>.Instance);
        var clock = Stopwatch.StartNew();
        var run = await indexer.RebuildAsync();
        var took = clock.Elapsed;
        Console.Error.WriteLine($"  indexed {run.Tickets:N0} tickets, {run.Days} days, {run.Months} months summed in {took.TotalSeconds:F1} s");
        results.Facts["keywords.index-tickets"] = run.Tickets;
        results.Facts["keywords.index-seconds"] = Math.Round(took.TotalSeconds, 1);
        results.Facts["keywords.index-tickets-per-s"] = Math.Round(run.Tickets / took.TotalSeconds);
        results.Facts["keywords.index-mb"] = Math.Round((city.DatabaseBytes() - before) / 1e6);
        results.Facts["keywords.rows"] = Count(city, "TicketKeywords") + " ticket words, " + Count(city, "KeywordCounts") + " sums, " + Count(city, "KeywordTerms") + " words";

        await using var app = await AppUnderTest.StartAsync(city, new Dictionary<string, string> { ["GridGov__KeywordIndexSeconds"] = "0" });
        var token = await app.TokenAsync("admin", app.DemoPasswords()["admin"]);
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
        async Task<TimeSpan> Get(string url)
        {
            var watch = Stopwatch.StartNew();
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await response.Content.ReadAsByteArrayAsync();
            return watch.Elapsed;
        }
        var top = await (await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/analytics/keywords?unit=3201") { Headers = { Authorization = new("Bearer", token) } }))
            .Content.ReadFromJsonAsync<HotKeywords>(KeywordJson);
        var word = Uri.EscapeDataString(top!.Keywords[0].Word);
        results.Facts["keywords.city-month-tickets"] = top.Tickets;
        results.Facts["keywords.city-top5"] = string.Join(" ", top.Keywords.Take(5).Select(k => $"{k.Word}:{k.Count}"));
        string[] urls =
        [
            "/api/v1/analytics/keywords?unit=3201", "/api/v1/analytics/keywords?unit=320102", "/api/v1/analytics/keywords?unit=320102002",
            "/api/v1/analytics/keywords?unit=320102002001", $"/api/v1/analytics/keywords/trend?unit=3201&word={word}",
            $"/api/v1/analytics/keywords/tickets?unit=3201&word={word}",
        ];
        var samples = await results.MeasureAsync([.. urls.Select(u => (Func<Task<TimeSpan>>)(() => Get(u)))]);
        string[] names = ["keywords.city-month", "keywords.district-month", "keywords.street-month", "keywords.community-month", "keywords.trend-city-month", "keywords.tickets-city-month"];
        for (var i = 0; i < names.Length; i++) results.Add(names[i], "s", samples[i]);
    }

    static readonly System.Text.Json.JsonSerializerOptions KeywordJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    // The demo phrases know about 1,300 words; people's reports name shops, estates, people and things
    // without end. Each ticket gets one more word of a long tail (Zipf over `Vocabulary` made-up words of
    // two to three characters), so that a day holds thousands of distinct words, as in a real city.
    const int Vocabulary = 50_000;
    const string Characters = "安百宝北奔本必边标彬滨冰波博才彩昌长超辰成诚程池崇春纯聪翠达大丹道德登迪定东冬栋都多恩发帆方芳飞丰峰凤福富钢高歌格耕工功冠光广贵国海航豪浩和河鹤恒红宏虹洪鸿华欢辉慧吉佳家嘉建剑江杰金锦进晶景静菊俊凯康科可兰蓝朗乐雷蕾丽莉利良林玲凌琳龙禄路伦罗玛梅美萌梦敏名明鸣木娜南楠妮宁鹏平萍琪启千乾强桥琴青清庆秋泉然仁日荣蓉瑞润森山善尚韶胜圣诗石世书舒帅顺思松素泰涛腾天婷彤童万旺威维伟文武西喜祥翔晓欣新鑫信星兴雄秀旭轩雪雅亚岩炎艳阳洋耀叶一怡宜义艺易毅英盈颖永勇友宇雨玉元远月悦云泽展章昭哲振正志智中忠舟洲竹卓子紫宗";

    static string[] TailWords()
    {
        var random = new Random(2026);
        return [.. Enumerable.Range(0, Vocabulary).Select(_ => new string([.. Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Characters[random.Next(Characters.Length)])]))];
    }

    // The year the generator spread the tickets over, pressed into the last `days` days (China time
    // unchanged by day: only the distance from now shrinks), and a word of the long tail added to each.
    static void Squeeze(string file, int days)
    {
        var tail = TailWords();
        var random = new Random(1125);
        // Zipf (s = 1) by inverting its cumulative weights.
        var cumulative = new double[Vocabulary];
        for (var i = 0; i < Vocabulary; i++) cumulative[i] = (i == 0 ? 0 : cumulative[i - 1]) + 1.0 / (i + 1);
        string Tail()
        {
            var x = random.NextDouble() * cumulative[^1];
            var i = Array.BinarySearch(cumulative, x);
            return tail[i < 0 ? ~i : i];
        }
        using var c = new SqliteConnection($"Data Source={file}");
        c.Open();
        using var cmd = c.CreateCommand();
        var now = DateTime.UtcNow;
        cmd.CommandText = "SELECT Id, ReportedAt FROM Tickets";
        var rows = new List<(long Id, DateTime At)>();
        using (var r = cmd.ExecuteReader()) while (r.Read()) rows.Add((r.GetInt64(0), DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc)));
        using var tx = c.BeginTransaction();
        using var update = c.CreateCommand();
        update.Transaction = tx;
        update.CommandText = "UPDATE Tickets SET ReportedAt = $at, UpdatedAt = $at, Description = Description || '，' || $tail WHERE Id = $id";
        var at = update.Parameters.Add("$at", SqliteType.Text);
        var words = update.Parameters.Add("$tail", SqliteType.Text);
        var id = update.Parameters.Add("$id", SqliteType.Integer);
        foreach (var (ticket, reported) in rows)
        {
            at.Value = (now - (now - reported) * (days / 365.0)).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF");
            id.Value = ticket;
            words.Value = Tail() + "反映";
            update.ExecuteNonQuery();
        }
        tx.Commit();
    }

    static long Count(BenchCity city, string table)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(city.DataDir, "gridgov.db")};Mode=ReadOnly");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)cmd.ExecuteScalar()!;
    }
}
