using System.Diagnostics;

namespace Charmarr.Ops.Integration.Cli;

/// <summary>Runs each command as a <c>juju</c> process: arguments as an argv (never through a shell), stdin written and
/// closed, stdout and stderr read to their end.</summary>
public sealed class ProcessJujuCommandRunner : IJujuCommandRunner
{
    private readonly IReadOnlyDictionary<string, string?> environment;

    /// <summary>Creates a runner.</summary>
    /// <param name="binaryPath">The <c>juju</c> binary; <see langword="null"/> finds <c>juju</c> on <c>PATH</c> at the first command.</param>
    /// <param name="environment">Variables set (or, with a <see langword="null"/> value, removed) for every command, e.g. <c>JUJU_DATA</c>.</param>
    public ProcessJujuCommandRunner(string? binaryPath = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        BinaryPath = binaryPath;
        this.environment = environment ?? new Dictionary<string, string?>();
    }

    /// <summary>The binary given to the constructor, if any.</summary>
    public string? BinaryPath { get; }

    /// <inheritdoc />
    public async Task<JujuCommandResult> RunAsync(JujuCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var binary = BinaryPath ?? JujuExecutable.Find()
            ?? throw new JujuCliException($"{command}: no '{JujuExecutable.Name}' on PATH; install Juju (snap install juju) or give the binary's path");
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)
            ?? throw new JujuCliException($"{command}: the process did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            if (command.StandardInput is not null)
            {
                await process.StandardInput.WriteAsync(command.StandardInput.AsMemory(), cancellationToken);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new JujuCommandResult(process.ExitCode, await stdout, await stderr);
    }
}
