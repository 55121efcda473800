using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GridGov.Infrastructure;

// What an operator reads in the console when GridGov starts and stops, in Chinese and worded as
// information. ASP.NET's own lines are English ("Now listening on", "Application started. Press
// Ctrl+C…", "Hosting environment", "Content root path"), and data protection warns on every start
// that its keys "may be persisted to storage in unencrypted form" — true and expected here: the keys
// live in the data folder, which is the thing to protect. Those lines are filtered; these say the same.
public static class StartupMessages
{
    const string Lifetime = "Microsoft.Hosting.Lifetime";
    const string KeyManager = "Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager";

    public static void AddStartupMessages(this WebApplicationBuilder builder, string keysDir, string? personalKeyFile = null)
    {
        // Lifetime's own lines are information; a warning or error from it still shows.
        builder.Logging.AddFilter(Lifetime, level => level >= LogLevel.Warning);
        // The key manager: its warning (unencrypted keys) and its English notes about new keys; errors still show.
        builder.Logging.AddFilter(KeyManager, level => level >= LogLevel.Error);
        builder.Services.AddHostedService(sp => new Messages(
            sp.GetRequiredService<IHostApplicationLifetime>(), sp.GetRequiredService<IServer>(), sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("GridGov.Startup"), keysDir, personalKeyFile));
    }

    sealed class Messages(IHostApplicationLifetime lifetime, IServer server, IHostEnvironment env, ILogger log, string keysDir, string? personalKeyFile) : IHostedService
    {
        public Task StartAsync(CancellationToken ct)
        {
            log.LogInformation("会话和表单令牌的密钥保存在 {KeysDir}（未另行加密）；请只允许运行 GridGov 的账户读写数据目录，并随数据目录一起备份。", keysDir);
            if (personalKeyFile is not null)
                log.LogInformation("身份证号和电话号码用 {KeyFile} 中的密钥加密；请另行备份此文件，丢失后已存的号码将无法读取。", personalKeyFile);
            lifetime.ApplicationStarted.Register(() =>
            {
                var addresses = (server.Features[typeof(IServerAddressesFeature)] as IServerAddressesFeature)?.Addresses ?? [];
                log.LogInformation("GridGov 已启动，访问地址：{Addresses}", addresses.Count > 0 ? string.Join("，", addresses) : "（由宿主提供）");
                log.LogInformation("运行环境：{Environment}；程序目录：{ContentRoot}", EnvironmentName(env.EnvironmentName), env.ContentRootPath);
                log.LogInformation("按 Ctrl+C 停止服务。");
            });
            lifetime.ApplicationStopping.Register(() => log.LogInformation("GridGov 正在停止…"));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

        static string EnvironmentName(string name) => name switch
        {
            "Production" => "生产环境",
            "Development" => "开发环境",
            "Staging" => "预发布环境",
            _ => name,
        };
    }
}
