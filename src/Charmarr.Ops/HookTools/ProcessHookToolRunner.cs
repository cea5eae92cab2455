using System.ComponentModel;
using System.Diagnostics;
using System.IO.Pipes;
using System.Text;
using Charmarr.Ops.Backend;

namespace Charmarr.Ops.HookTools;

/// <summary>Runs hook tools as child processes found on <c>PATH</c>, without a shell.</summary>
internal sealed class ProcessHookToolRunner : IHookToolRunner
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // Poll-based exchange on the calling thread (Linux), until the C library turns out not to offer poll(2).
    private static bool exchangeByPoll = PipeExchange.IsSupported;

    private readonly string? _pathOverride;

    /// <summary>Creates a runner that searches the process's <c>PATH</c>.</summary>
    public ProcessHookToolRunner()
        : this(pathOverride: null)
    {
    }

    /// <summary>Creates a runner that searches <paramref name="pathOverride"/> instead of the process's <c>PATH</c> (for tests).</summary>
    /// <param name="pathOverride">A <c>PATH</c>-style directory list, or <see langword="null"/> for the environment's.</param>
    internal ProcessHookToolRunner(string? pathOverride)
    {
        _pathOverride = pathOverride;
    }

    /// <inheritdoc />
    public HookToolResult Run(string tool, IReadOnlyList<string> args, string? stdin)
    {
        ArgumentException.ThrowIfNullOrEmpty(tool);
        ArgumentNullException.ThrowIfNull(args);

        var executable = Find(tool)
            ?? throw new JujuModelException(
                $"hook tool \"{tool}\" was not found on PATH; Charmarr.Ops talks to Juju through hook tools, "
                + "so run the charm inside a Juju hook or use Charmarr.Ops.Testing");

        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8NoBom,
            StandardOutputEncoding = Utf8NoBom,
            StandardErrorEncoding = Utf8NoBom,
            CreateNoWindow = true,
        };
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new JujuModelException($"could not start hook tool \"{tool}\" ({executable}): {ex.Message}", ex);
        }

        if (exchangeByPoll && process.StandardInput.BaseStream is PipeStream && process.StandardOutput.BaseStream is PipeStream output
            && process.StandardError.BaseStream is PipeStream error)
        {
            try
            {
                var (stdoutBytes, stderrBytes) = PipeExchange.Run(process.StandardInput, Utf8NoBom.GetBytes(stdin ?? ""), output, error);
                process.WaitForExit();
                return new HookToolResult(process.ExitCode, Utf8NoBom.GetString(stdoutBytes), Utf8NoBom.GetString(stderrBytes));
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // No poll(2) in this C library: nothing was read or written yet, so the threaded exchange below takes over.
                exchangeByPoll = false;
            }
        }

        // Drain both pipes at once so a chatty tool can never block on a full pipe while we wait on the other.
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        try
        {
            if (!string.IsNullOrEmpty(stdin))
            {
                process.StandardInput.Write(stdin);
            }
        }
        catch (IOException)
        {
            // The tool exited without reading all of its input; its exit code and stderr say why.
        }
        finally
        {
            try
            {
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Broken pipe on flush: same as above.
            }
        }

        var stdout = stdoutTask.GetAwaiter().GetResult();
        var stderr = stderrTask.GetAwaiter().GetResult();
        process.WaitForExit();
        return new HookToolResult(process.ExitCode, stdout, stderr);
    }

    private string? Find(string tool)
    {
        if (tool.Contains('/', StringComparison.Ordinal) || tool.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"hook tool name \"{tool}\" must be a bare name, not a path", nameof(tool));
        }

        var path = _pathOverride ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        string[] suffixes = OperatingSystem.IsWindows()
            ? ["", .. (Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';', StringSplitOptions.RemoveEmptyEntries)]
            : [""];
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var suffix in suffixes)
            {
                var candidate = Path.Combine(dir, tool + suffix);
                if (IsExecutableFile(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        return null;
    }

    private static bool IsExecutableFile(string candidate)
    {
        if (!File.Exists(candidate))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(candidate) & anyExecute) != 0;
    }
}
