using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace GridGov.Bench;

// What one load measured: completions per second in the measured window, latency percentiles of the
// requests that started in it, errors (any answer other than the expected status, or a failure).
sealed record LoadResult(double PerSecond, double P50, double P95, double P99, long Count, long Errors, string? FirstError)
{
    public static LoadResult From(List<double> latenciesMs, double seconds, long errors, string? firstError)
    {
        latenciesMs.Sort();
        return new(latenciesMs.Count / seconds, Percentile(latenciesMs, 0.50), Percentile(latenciesMs, 0.95), Percentile(latenciesMs, 0.99),
            latenciesMs.Count, errors, firstError);
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

// A closed-loop HTTP load: `concurrency` workers, each sending its next request as soon as the last one
// was answered (HTTP/1.1 keep-alive, one connection per worker), through one HttpClient.
static class HttpLoad
{
    public static HttpClient Client(int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
    })
    { Timeout = TimeSpan.FromSeconds(60), DefaultRequestVersion = HttpVersion.Version11, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

    // Runs for ramp + seconds; counts what completes in the last `seconds` (the ramp lets connections
    // open and the server's pools fill first).
    public static async Task<LoadResult> RunAsync(HttpClient client, int concurrency, double seconds, Func<long, HttpRequestMessage> request,
        HttpStatusCode expected, double rampSeconds = 0.5)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(rampSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(seconds * Stopwatch.Frequency);
        long sequence = 0, errors = 0;
        string? firstError = null;
        var perWorker = new List<double>[concurrency];
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var latencies = perWorker[w] = new List<double>(4096);
            while (true)
            {
                var sent = Stopwatch.GetTimestamp();
                if (sent >= end) return;
                using var message = request(Interlocked.Increment(ref sequence));
                string? error = null;
                try
                {
                    using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
                    if (response.StatusCode != expected)
                        error = $"{(int)response.StatusCode} {Cut(await response.Content.ReadAsStringAsync())}";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    error = e.GetType().Name + ": " + e.Message;
                }
                var done = Stopwatch.GetTimestamp();
                if (sent < measureFrom || done > end) continue;
                if (error is null) latencies.Add((done - sent) * 1000.0 / Stopwatch.Frequency);
                else
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return LoadResult.From([.. perWorker.SelectMany(l => l)], seconds, errors, firstError);
    }

    // One request after the other, `count` times: latency of a request with nothing else in flight.
    public static async Task<LoadResult> SequentialAsync(HttpClient client, int count, Func<long, HttpRequestMessage> request, HttpStatusCode expected)
    {
        var latencies = new List<double>(count);
        long errors = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var message = request(i);
            var sent = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
            var ms = (Stopwatch.GetTimestamp() - sent) * 1000.0 / Stopwatch.Frequency;
            if (response.StatusCode == expected) latencies.Add(ms);
            else
            {
                errors++;
                firstError ??= $"{(int)response.StatusCode} {Cut(await response.Content.ReadAsStringAsync())}";
            }
        }
        return LoadResult.From(latencies, clock.Elapsed.TotalSeconds, errors, firstError);
    }

    public static HttpRequestMessage Json(HttpMethod method, string url, string? token, byte[]? body)
    {
        var m = new HttpRequestMessage(method, url);
        if (token is not null) m.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            m.Content = new ByteArrayContent(body);
            m.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        return m;
    }

    static string Cut(string s) => s.Length > 300 ? s[..300] + "…" : s;
}
