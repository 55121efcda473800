using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using GridGov.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace GridGov.Tests.Host;

// What the console says on start: Chinese information lines of our own instead of ASP.NET's English
// lifetime lines and data protection's "keys may be persisted unencrypted" warning.
public sealed partial class StartupMessagesTests : IAsyncLifetime
{
    sealed record Entry(string Category, LogLevel Level, string Message);

    sealed class Capture : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();
        public ILogger CreateLogger(string category) => new Logger(category, this);
        public void Dispose() { }

        sealed class Logger(string category, Capture to) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel level) => true;
            public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format) =>
                to.Entries.Enqueue(new(category, level, format(state, e)));
        }
    }

    sealed class CapturedApp(Capture capture) : EmptyGridGovApp
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            base.Configure(builder);
            builder.ConfigureLogging(l => l.AddProvider(capture));
        }
    }

    readonly Capture capture = new();
    readonly CapturedApp app;

    public StartupMessagesTests() => app = new(capture);

    public Task InitializeAsync() { _ = app.Server; return Task.CompletedTask; }
    public async Task DisposeAsync() => await app.DisposeAsync();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [Fact]
    public async Task Start_up_says_in_Chinese_where_the_keys_are_and_that_the_app_is_running_and_warns_in_English_about_nothing()
    {
        // The first page with a form makes the first data-protection key (that is when the warning came).
        using var client = app.CreateClient();
        (await client.GetAsync("/account/login")).EnsureSuccessStatusCode();
        Assert.True(Directory.EnumerateFiles(Path.Combine(app.DataDir, "keys"), "key-*.xml").Any());

        var entries = capture.Entries.ToList();
        var startup = entries.Where(e => e.Category == "GridGov.Startup").Select(e => e.Message).ToList();
        Assert.Contains(startup, m => m.StartsWith("会话和表单令牌的密钥保存在 " + Path.Combine(app.DataDir, "keys")) && m.Contains("数据目录"));
        Assert.Contains(startup, m => m.StartsWith("GridGov 已启动，访问地址："));
        Assert.All(entries.Where(e => e.Category == "GridGov.Startup"), e => Assert.Equal(LogLevel.Information, e.Level));

        Assert.DoesNotContain(entries, e => e.Category.StartsWith("Microsoft.AspNetCore.DataProtection") && e.Level == LogLevel.Warning);
        Assert.DoesNotContain(entries, e => e.Category == "Microsoft.Hosting.Lifetime" && e.Level < LogLevel.Warning);
        Assert.DoesNotContain(entries, e => e.Message.Contains("unencrypted") || e.Message.StartsWith("Now listening") || e.Message.StartsWith("Application started"));
        // Nothing at warning level or above is English.
        Assert.All(entries.Where(e => e.Level >= LogLevel.Warning), e => Assert.Matches(Chinese(), e.Message));
    }
}
