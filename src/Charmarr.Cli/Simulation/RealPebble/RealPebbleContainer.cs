using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Charmarr.Ops.Pebble;

namespace Charmarr.Cli.Simulation.RealPebble;

/// <summary>
/// A workload container served by a real Pebble (<c>pebble run --create-dirs --hold</c>, as Juju starts it) in its own
/// root under bubblewrap (<see cref="SandboxArguments"/>), with its own state dir, network, PID and IPC namespaces. The
/// socket is shared through a bind mount, so the charm reaches it at the path the simulation gives it, as Juju shares
/// <c>/charm/containers/&lt;name&gt;</c>. Services, checks, files and exec are Pebble's own, on that root; a scenario's
/// stand-ins provide the workload's binaries. Killed by its process id when the simulation ends.
/// </summary>
internal sealed class RealPebbleContainer : IWorkloadContainer
{
    /// <summary>How long a <c>check-up</c> step waits for the check's first success (the plex-k8s check runs every 10 s).</summary>
    public static readonly TimeSpan CheckUpTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process process;
    private readonly PebbleProcessOutput output;
    private readonly PebbleClient client;
    private readonly EventHandler killOnExit;

    private RealPebbleContainer(string name, string root, string socketPath, Process process, PebbleProcessOutput output)
    {
        Name = name;
        Root = root;
        SocketPath = socketPath;
        this.process = process;
        this.output = output;
        client = new PebbleClient(socketPath);
        // Should the tool end without disposing (an unhandled error), Pebble and its services end with it.
        killOnExit = (_, _) => Kill();
        AppDomain.CurrentDomain.ProcessExit += killOnExit;
    }

    public string Name { get; }

    public string SocketPath { get; }

    /// <summary>The container's root on the host.</summary>
    public string Root { get; }

    /// <summary>Pebble's version, as system-info reports it.</summary>
    public string Version { get; private set; } = "";

    public string Description => $"real Pebble {Version} in a private root ({Root})";

    /// <summary>The bwrap process id (Pebble runs under it in its own PID namespace).</summary>
    public int ProcessId => process.Id;

    /// <summary>Starts the container's Pebble and waits until it answers on its socket.</summary>
    /// <param name="name">The container's name.</param>
    /// <param name="hostname">Its hostname (the pod's).</param>
    /// <param name="root">A new directory for its root.</param>
    /// <param name="socketPath">Where the charm finds its socket.</param>
    /// <param name="tools">Pebble and bwrap.</param>
    /// <param name="standIns">The scenario's stand-ins for this container.</param>
    /// <param name="fakes">The scenario's fakes (a stand-in serves one's routes).</param>
    /// <returns>The running container.</returns>
    public static async Task<RealPebbleContainer> StartAsync(
        string name, string hostname, string root, string socketPath, RealPebbleTools tools, IReadOnlyList<WorkloadStandIn> standIns, IReadOnlyList<HttpFake> fakes)
    {
        ContainerRoot.Create(root, standIns.Select(s => s.Path));
        var socketDirectory = Path.GetDirectoryName(socketPath)!;
        Directory.CreateDirectory(socketDirectory);
        var binds = new List<(string Host, string Container)> { (tools.Pebble, ContainerRoot.PebbleBinary) };
        binds.AddRange(StandIns(root, standIns, fakes));
        var command = SandboxArguments.Build(root, hostname, binds, socketDirectory, [ContainerRoot.PebbleBinary, "run", "--create-dirs", "--hold"]);
        var start = new ProcessStartInfo(tools.Bwrap)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in command)
        {
            start.ArgumentList.Add(arg);
        }

        var output = new PebbleProcessOutput();
        var process = Process.Start(start) ?? throw new CliException($"could not run {tools.Bwrap}");
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        var container = new RealPebbleContainer(name, root, socketPath, process, output);
        try
        {
            await container.WaitUntilAnsweringAsync();
            return container;
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }
    }

    public async Task WriteFileAsync(FileStep file)
    {
        // The workload's own write lands in the same file with the same owner; Pebble's push makes the parents.
        var options = new PebblePushOptions { UserId = file.UserId ?? 0, GroupId = file.GroupId ?? 0, MakeDirs = true };
        try
        {
            await client.PushTextAsync(file.Path, file.Content, options);
        }
        catch (PebbleException e)
        {
            throw new CliException($"scenario line {file.Line}: real Pebble in the {Name} container could not write {file.Path}: {e.Message}", e);
        }
    }

    // Real checks run on Pebble's own schedule: wait for the first success instead of reporting one.
    public async Task CheckUpAsync(CheckUpStep check)
    {
        var deadline = DateTimeOffset.UtcNow + CheckUpTimeout;
        while (true)
        {
            var info = (await client.GetChecksAsync(names: [check.Check])).SingleOrDefault() ?? throw IWorkloadContainer.NoSuchCheck(check);
            if (info.Successes is > 0 || (info.Successes is null && info.Status == CheckStatus.Up))
            {
                return;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new CliException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"scenario line {check.Line}: the {Name} container's check '{check.Check}' did not succeed on real Pebble within {CheckUpTimeout.TotalSeconds:0} s ({info.Status}, {info.Failures} failures); Pebble's last lines:\n{output.Tail()}"));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    // The workload records its own notices on real Pebble: wait for it to have done so.
    public async Task<string> NoticeAsync(NoticeStep notice)
    {
        var deadline = DateTimeOffset.UtcNow + CheckUpTimeout;
        var query = new PebbleNoticesQuery { Types = [NoticeType.Custom], Keys = [notice.Key] };
        while (true)
        {
            if (await client.GetNoticesAsync(query) is { Count: > 0 } recorded)
            {
                return recorded[^1].Id;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new CliException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"scenario line {notice.Line}: the workload in the {Name} container did not record the notice '{notice.Key}' on real Pebble within {CheckUpTimeout.TotalSeconds:0} s; Pebble's last lines:\n{output.Tail()}"));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    // Real Pebble runs the container's own commands; a scenario cannot script their answers.
    public string? AnswerExec(ExecStep exec) =>
        $"{Name}: skipped the exec step for '{string.Join(' ', exec.CommandPrefix)}' (scenario line {exec.Line}): real Pebble runs the container's own command";

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= killOnExit;
        client.Dispose();
        Kill();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            // Left to the kernel: the PID namespace ends with its last process.
        }

        process.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A service's file still open for a moment; the root is under the system temp directory.
        }
    }

    private void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = DateTimeOffset.UtcNow + StartTimeout;
        while (true)
        {
            if (process.HasExited)
            {
                throw new CliException($"real Pebble for the {Name} container exited with {process.ExitCode} before answering:\n{output.Tail()}");
            }

            if (File.Exists(SocketPath))
            {
                try
                {
                    Version = (await client.GetSystemInfoAsync()).Version;
                    return;
                }
                catch (PebbleException) when (DateTimeOffset.UtcNow < deadline)
                {
                    // Listening any moment now.
                }
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new CliException($"real Pebble for the {Name} container did not answer on {SocketPath} within {StartTimeout.TotalSeconds:0} s:\n{output.Tail()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    // Each stand-in: its spec and script in the root, the script bound at the workload binary's path, and (once) the
    // .NET runtime and this tool bound read-only where the script expects them.
    private static IEnumerable<(string Host, string Container)> StandIns(string root, IReadOnlyList<WorkloadStandIn> standIns, IReadOnlyList<HttpFake> fakes)
    {
        if (standIns.Count == 0)
        {
            yield break;
        }

        const string dotnetRoot = "/charm/dotnet";
        const string toolDirectory = "/charm/charmarr";
        var runtimeConfig = $"{ContainerRoot.StandInDirectory}/charmarr.runtimeconfig.json";
        var tool = Path.Combine(AppContext.BaseDirectory, $"{typeof(RealPebbleContainer).Assembly.GetName().Name}.dll");
        if (!File.Exists(tool))
        {
            throw new CliException($"--pebble real's stand-ins run this tool's assembly, and it is not at {tool}");
        }

        var hostDotnet = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        if (!File.Exists(Path.Combine(hostDotnet, "dotnet")))
        {
            throw new CliException($"--pebble real's stand-ins run on the .NET runtime, and there is no dotnet host in {hostDotnet}");
        }

        File.WriteAllText(
            ContainerRoot.HostPath(root, runtimeConfig),
            new JsonObject
            {
                ["runtimeOptions"] = new JsonObject
                {
                    ["tfm"] = $"net{Environment.Version.Major}.{Environment.Version.Minor}",
                    ["framework"] = new JsonObject { ["name"] = "Microsoft.NETCore.App", ["version"] = Environment.Version.ToString() },
                },
            }.ToJsonString());
        yield return (hostDotnet, dotnetRoot);
        yield return (Path.GetDirectoryName(tool)!, toolDirectory);
        var index = 0;
        foreach (var standIn in standIns)
        {
            index++;
            var fake = standIn.Fake is null ? null : fakes.Single(f => f.Name == standIn.Fake);
            var spec = new StandInSpec(standIn.Path, standIn.Port, fake);
            var specPath = $"{ContainerRoot.StandInDirectory}/{index}.json";
            var scriptPath = ContainerRoot.HostPath(root, $"{ContainerRoot.StandInDirectory}/{index}.sh");
            File.WriteAllText(ContainerRoot.HostPath(root, specPath), spec.ToJson());
            File.WriteAllText(scriptPath, spec.Script($"{dotnetRoot}/dotnet", runtimeConfig, $"{toolDirectory}/{Path.GetFileName(tool)}", specPath));
            File.SetUnixFileMode(scriptPath, (UnixFileMode)0b111_101_101);
            yield return (scriptPath, standIn.Path);
        }
    }
}
