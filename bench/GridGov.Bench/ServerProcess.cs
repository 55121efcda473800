using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GridGov.Bench;

// A web server in a child process on 127.0.0.1: the built GridGov.dll as a user runs it (real Kestrel,
// its own GC and thread pool, Production), or this program's bare Kestrel (`serve-bare`). Its output
// goes to a log file; disposing kills the process (and only it: it is ours).
sealed class ServerProcess : IAsyncDisposable
{
    readonly Process process;
    readonly StreamWriter log;
    public string BaseUrl { get; }
    public string LogFile { get; }
    public int Pid => process.Id;

    ServerProcess(Process process, StreamWriter log, string logFile, string baseUrl)
    {
        this.process = process;
        this.log = log;
        LogFile = logFile;
        BaseUrl = baseUrl;
    }

    // The app next to this program (the bench project references it, so the build copies it here).
    public static string AppDll => Path.Combine(AppContext.BaseDirectory, "GridGov.dll");
    public static string BenchDll => Path.Combine(AppContext.BaseDirectory, "GridGov.Bench.dll");

    public static async Task<ServerProcess> StartAsync(string dll, string[] args, IDictionary<string, string> environment,
        string logFile, string readyPath, TimeSpan timeout)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (k, v) in environment) start.Environment[k] = v;
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, log, logFile, url);

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {process.ExitCode} before answering; its log:\n{Tail(logFile)}");
            }
            try
            {
                using var r = await probe.GetAsync(url + readyPath);
                return server; // any answer: the app serves requests only after its start-up work
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (clock.Elapsed > timeout)
            {
                await server.DisposeAsync();
                throw new TimeoutException($"{Path.GetFileName(dll)} did not answer within {timeout.TotalSeconds:F0} s; its log:\n{Tail(logFile)}");
            }
            await Task.Delay(200);
        }
    }

    static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public static string Tail(string file, int lines = 30)
    {
        try { return string.Join('\n', File.ReadLines(file).TakeLast(lines)); }
        catch (IOException) { return "(no log)"; }
    }

    // CPU time the server has used so far (user + system), for the share of the machine it took.
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.HasExited ? TimeSpan.Zero : process.TotalProcessorTime;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            }
        }
        catch (InvalidOperationException) { }
        catch (TimeoutException) { Console.Error.WriteLine($"warning: server process {process.Id} did not exit"); }
        process.Dispose();
        lock (log) log.Dispose();
    }
}
