using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.EndToEnd.Tests.Support;

/// <summary>
/// The service as a real child process (<c>dotnet Orchestrator.Host.dll</c>, configured by environment variables) on a
/// fixed loopback port with a SQLite journal in <see cref="DataFolder"/>. <see cref="Kill"/> is SIGKILL;
/// <see cref="StartAsync()"/> again is a restart over the same journal. Every child still running when the test host
/// exits is killed.
/// </summary>
public sealed class ChildOrchestrator : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private readonly UdeskSimulatorServer udesk;
    private readonly IDictionary<string, string?>? settings;
    private readonly ConcurrentQueue<string> output = new();
    private Process? process;

    static ChildOrchestrator() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var child in Running.Values)
        {
            KillQuietly(child);
        }
    };

    public ChildOrchestrator(UdeskSimulatorServer udesk, IDictionary<string, string?>? settings = null)
    {
        this.udesk = udesk;
        this.settings = settings;
        Address = new Uri($"http://127.0.0.1:{FreePort()}/");
        Http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", OrchestratorInstance.ApiKey);
    }

    public Uri Address { get; }

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "orchestrator-e2e", Guid.NewGuid().ToString("N"));

    /// <summary>Authenticated as the tenant's platform backend.</summary>
    public HttpClient Http { get; }

    public Uri PushUrl => new(Address, $"udesk/{OrchestratorInstance.Tenant}/push/{OrchestratorInstance.PushSecret}");

    public bool Alive => process is { HasExited: false };

    /// <summary>Resident memory of the running process, in MiB.</summary>
    public double ResidentMiB
    {
        get
        {
            process!.Refresh();
            return process.WorkingSet64 / (1024.0 * 1024.0);
        }
    }

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Output => string.Join('\n', output.TakeLast(60));

    /// <summary>Everything every start of the process wrote, for a look after the test.</summary>
    public string OutputFile => Path.Combine(DataFolder, "output.log");

    /// <summary>The built host: the test project references it, so it is built beside the tests.</summary>
    public static string HostDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/{Debug|Release}/net10.0/
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "Orchestrator.Host", "bin", configuration, "net10.0", "Orchestrator.Host.dll");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("Orchestrator.Host.dll not found: build src/Orchestrator.Host first.");
        }
    }

    /// <summary>
    /// <c>dotnet Orchestrator.Host.dll</c> with <paramref name="arguments"/>, configured by <paramref name="settings"/> as
    /// environment variables (<c>__</c> for <c>:</c>), as a container runs it; output redirected.
    /// </summary>
    public static ProcessStartInfo HostProcess(IDictionary<string, string?> settings, params string[] arguments)
    {
        var dll = HostDll;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return info;
    }

    /// <summary>Starts the process and waits for <c>/readyz</c>; returns how long that took.</summary>
    public async Task<TimeSpan> StartAsync()
    {
        Assert.False(Alive, "the child is already running");
        var configuration = OrchestratorInstance.Configuration(udesk, DataFolder);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        configuration["Logging:LogLevel:Default"] = "Warning";
        var info = HostProcess(configuration, "--urls", Address.AbsoluteUri.TrimEnd('/'));

        Directory.CreateDirectory(DataFolder);
        var clock = Stopwatch.StartNew();
        var started = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process = started;
        Running[started.Id] = started;
        started.OutputDataReceived += (_, e) => Keep(e.Data);
        started.ErrorDataReceived += (_, e) => Keep(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        udesk.Settings.PushUrl = PushUrl;

        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.Until(
            async () => started.HasExited ? $"exited with {started.ExitCode}" : await Probe(probe),
            state => state == "ready" || state.StartsWith("exited", StringComparison.Ordinal),
            "the child's /readyz",
            TimeSpan.FromSeconds(90));
        Assert.False(started.HasExited, $"the child exited at start:\n{Output}");
        return clock.Elapsed;
    }

    /// <summary>SIGTERM, as Kubernetes stops a pod, and waits until the process has shut itself down; returns how long that took.</summary>
    public async Task<TimeSpan> Terminate()
    {
        var running = process ?? throw new InvalidOperationException("the child is not running");
        var clock = Stopwatch.StartNew();
        Assert.True(SendSignal(running.Id, SigTerm) == 0, "SIGTERM could not be sent");
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await running.WaitForExitAsync(bound.Token);
        var took = clock.Elapsed;
        await Kill();
        return took;
    }

    /// <summary>SIGKILL, the whole tree, and waits until it is gone.</summary>
    public async Task Kill()
    {
        if (process is { } running)
        {
            KillQuietly(running);
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await running.WaitForExitAsync(bound.Token);
            Running.TryRemove(running.Id, out _);
            running.Dispose();
            process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Kill();
        Http.Dispose();
    }

    private static async Task<string> Probe(HttpClient probe)
    {
        try
        {
            using var response = await probe.GetAsync("readyz");
            return response.StatusCode == HttpStatusCode.OK ? "ready" : $"readyz {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return e.GetType().Name;
        }
    }

    private static void KillQuietly(Process child)
    {
        try
        {
            child.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    /// <summary>A loopback port free now (for this process's HTTP or Akka.Remote address).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        lock (output)
        {
            File.AppendAllLines(OutputFile, [line]);
        }

        while (output.Count > 200 && output.TryDequeue(out _))
        {
        }
    }
}
