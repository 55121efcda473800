using GridGov.Features.Analytics.Warnings;
using GridGov.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace GridGov.Tests.Analytics.Warnings;

// An app whose background job evaluates the rules every second (the other tests turn it off).
public sealed class WatchingApp : EmptyGridGovApp
{
    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        builder.UseSetting(WarningWatcher.IntervalSetting, "1");
    }
}

// The background job raises a warning by itself, with nobody calling the evaluator, and only once.
public sealed class WarningWatcherTests(WatchingApp app) : IClassFixture<WatchingApp>
{
    [Fact]
    public async Task The_watcher_raises_a_warning_on_its_own_and_only_once()
    {
        var kit = new WarningKit(app);
        var rule = await kit.RuleAsync(new() { Name = "后台阈值", Kind = WarningKind.Threshold, CategoryCode = "G0105", MinCount = 2, WindowHours = 24 });
        var now = DateTime.UtcNow;
        await kit.TicketsAsync([new(320102002001001, "G0105", now.AddMinutes(-5), "土地承包纠纷"), new(320102002001001, "G0105", now.AddMinutes(-3), "土地承包纠纷")]);
        for (var i = 0; i < 100 && (await kit.WarningsOfAsync(rule)).Count == 0; i++) await Task.Delay(100);
        var raised = Assert.Single(await kit.WarningsOfAsync(rule));
        Assert.Equal(WarningState.Open, raised.State);
        // Three more rounds of the job: still one.
        await Task.Delay(3500);
        Assert.Single(await kit.WarningsOfAsync(rule));
        Assert.Null(WarningWatcher.Interval(new ConfigurationBuilder()
            .AddInMemoryCollection([new(WarningWatcher.IntervalSetting, "0")]).Build()));
    }
}
