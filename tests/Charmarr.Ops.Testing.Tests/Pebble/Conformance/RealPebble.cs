using System.Diagnostics;
using System.Text;
using Charmarr.Ops.Pebble;

namespace Charmarr.Ops.Testing.Tests.Pebble.Conformance;

/// <summary>
/// One real <c>pebble run --hold</c> with its own state directory. It really runs processes, as this user: every
/// process it starts inherits <see cref="MarkerVariable"/>, so <see cref="DisposeAsync"/> can kill Pebble's whole tree
/// and then, by PID, any process that escaped it (reparented) and still carries this run's marker.
/// </summary>
internal sealed class RealPebble : IAsyncDisposable
{
    /// <summary>The environment variable every process of one run carries, with the run's id as value.</summary>
    public const string MarkerVariable = "CHARMARR_TEST_PEBBLE_RUN";

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly string marker = Guid.NewGuid().ToString("N");

    private RealPebble(string binary, string stateDirectory)
    {
        StateDirectory = stateDirectory;
        var start = new ProcessStartInfo(binary)
        {
            ArgumentList = { "run", "--create-dirs", "--hold" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = stateDirectory,
        };
        start.Environment["PEBBLE"] = stateDirectory;
        start.Environment[MarkerVariable] = marker;
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    /// <summary>Pebble's state directory.</summary>
    public string StateDirectory { get; }

    /// <summary>Pebble's socket.</summary>
    public string SocketPath => Path.Combine(StateDirectory, ".pebble.socket");

    /// <summary>What Pebble printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts Pebble and waits until it answers on its socket.</summary>
    /// <param name="binary">The Pebble binary.</param>
    /// <param name="stateDirectory">A fresh directory for its state (created if missing).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The running Pebble.</returns>
    public static async Task<RealPebble> StartAsync(string binary, string stateDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(stateDirectory);
        var pebble = new RealPebble(binary, stateDirectory);
        pebble.process.Start();
        pebble.process.BeginOutputReadLine();
        pebble.process.BeginErrorReadLine();
        using var client = new PebbleClient(pebble.SocketPath);
        for (var attempt = 0; ; attempt++)
        {
            if (pebble.process.HasExited)
            {
                throw new InvalidOperationException($"Pebble exited with {pebble.process.ExitCode}: {pebble.Output}");
            }

            if (File.Exists(pebble.SocketPath) && await client.CanConnectAsync(cancellationToken))
            {
                return pebble;
            }

            if (attempt > 600)
            {
                await pebble.DisposeAsync();
                throw new TimeoutException("Pebble did not open its socket within a minute: " + pebble.Output);
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            KillMarkedProcesses();
            process.Dispose();
        }
    }

    private void KillMarkedProcesses()
    {
        var needle = Encoding.ASCII.GetBytes($"{MarkerVariable}={marker}\0");
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var environment = File.ReadAllBytes(Path.Combine(directory, "environ"));
                if (environment.AsSpan().IndexOf(needle) >= 0)
                {
                    using var escaped = Process.GetProcessById(pid);
                    escaped.Kill();
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone already, or not ours to read.
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
