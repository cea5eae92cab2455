using Charmarr.Ops.Integration.Cli;

namespace Charmarr.Ops.Integration;

/// <summary>
/// A typed client over the <c>juju</c> CLI, for integration tests against a real controller: every method runs one
/// <c>juju</c> command (JSON output where Juju has it) and reads its answer into records. Model-scoped commands get
/// <c>--model</c> when <see cref="Model"/> is set. The CLI's version (<see cref="GetVersionAsync"/>) decides what differs
/// between Juju 3.6 and 4.x.
/// </summary>
public sealed partial class JujuClient
{
    private readonly JujuClientOptions options;
    private readonly IJujuCommandRunner runner;
    private JujuCliVersion? version;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The model, binary or runner; default: the current model of the <c>juju</c> on <c>PATH</c>.</param>
    public JujuClient(JujuClientOptions? options = null)
    {
        this.options = options ?? new JujuClientOptions();
        runner = this.options.Runner ?? new ProcessJujuCommandRunner(this.options.BinaryPath, this.options.Environment);
    }

    private JujuClient(JujuClientOptions options, IJujuCommandRunner runner, JujuCliVersion? version)
    {
        this.options = options;
        this.runner = runner;
        this.version = version;
    }

    /// <summary>The model commands act on; <see langword="null"/> for the CLI's current model.</summary>
    public string? Model => options.Model;

    /// <summary>The same client (runner, known version) acting on another model.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The client.</returns>
    public JujuClient WithModel(string model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        return new JujuClient(options with { Model = model }, runner, version);
    }

    /// <summary>The CLI's version, read once with <c>juju version</c>.</summary>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The version.</returns>
    /// <exception cref="JujuCliException">The command failed or printed no version.</exception>
    public async Task<JujuCliVersion> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        if (version is not null)
        {
            return version;
        }

        var command = new JujuCommand(["version"]);
        var result = await RunCheckedAsync(command, cancellationToken);
        try
        {
            return version = JujuCliVersion.Parse(result.StandardOutput);
        }
        catch (FormatException e)
        {
            throw new JujuCliException(command, result, "printed no Juju version", e);
        }
    }

    /// <summary>Runs any <c>juju</c> command (with <c>--model</c> after the command name when
    /// <paramref name="modelScoped"/>) and returns its stdout.</summary>
    /// <param name="arguments">The arguments, command name first.</param>
    /// <param name="modelScoped">Whether to add <c>--model</c>.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>What it printed on stdout.</returns>
    /// <exception cref="JujuCliException">It exited non-zero.</exception>
    public async Task<string> CliAsync(IReadOnlyList<string> arguments, bool modelScoped = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var result = await RunCheckedAsync(new JujuCommand(modelScoped ? WithModelArgument(arguments) : arguments), cancellationToken);
        return result.StandardOutput;
    }

    private Task<JujuCommandResult> RunModelAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken, string? stdin = null) =>
        runner.RunAsync(new JujuCommand(WithModelArgument(arguments), stdin), cancellationToken);

    private async Task<string> RunModelCheckedAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var command = new JujuCommand(WithModelArgument(arguments));
        return (await RunCheckedAsync(command, cancellationToken)).StandardOutput;
    }

    private async Task<JujuCommandResult> RunCheckedAsync(JujuCommand command, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(command, cancellationToken);
        return result.ExitCode == 0 ? result : throw new JujuCliException(command, result);
    }

    private List<string> WithModelArgument(IReadOnlyList<string> arguments)
    {
        var list = new List<string>(arguments.Count + 2);
        if (arguments.Count == 0)
        {
            return list;
        }

        list.Add(arguments[0]);
        if (options.Model is not null)
        {
            list.Add("--model");
            list.Add(options.Model);
        }

        list.AddRange(arguments.Skip(1));
        return list;
    }
}
