using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Charmarr.Ops.Integration.Actions;
using Charmarr.Ops.Integration.Cli;

namespace Charmarr.Ops.Integration;

public sealed partial class JujuClient
{
    /// <summary>Runs an action on one unit and waits for it (<c>juju run --format json</c>). Parameters go in a file
    /// (<c>--params</c>), so they keep their JSON types and never appear in argv.</summary>
    /// <param name="unit">The unit (<c>plex/0</c> or <c>plex/leader</c>).</param>
    /// <param name="action">The action.</param>
    /// <param name="parameters">The parameters, or <see langword="null"/> for none.</param>
    /// <param name="wait">How long Juju waits for the result (<c>--wait</c>); <see langword="null"/> for Juju's default.</param>
    /// <param name="throwOnFailure">Throw <see cref="JujuActionFailedException"/> when the action fails (default);
    /// otherwise return the failed task.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The task: status, results, stdout, stderr, log.</returns>
    /// <exception cref="JujuActionFailedException">The action failed and <paramref name="throwOnFailure"/> is set.</exception>
    /// <exception cref="JujuCliException">Juju refused to run it (no such unit or action, parameters that do not match
    /// the action's schema, a timeout) and printed no task.</exception>
    public async Task<ActionTask> RunActionAsync(
        string unit,
        string action,
        JsonObject? parameters = null,
        TimeSpan? wait = null,
        bool throwOnFailure = true,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        List<string> args = ["run", "--format", "json", unit, action];
        if (wait is { } w)
        {
            args.AddRange(["--wait", string.Create(CultureInfo.InvariantCulture, $"{(long)Math.Ceiling(w.TotalSeconds)}s")]);
        }

        var (command, result) = parameters is null
            ? await RunAsync(args, cancellationToken)
            : await WithTemporaryFileAsync(parameters.ToJsonString(), path => RunAsync([.. args, "--params", path], cancellationToken));
        var task = ReadTask(command, result, unit);
        return task.IsSuccess || !throwOnFailure ? task : throw new JujuActionFailedException(task);
    }

    private async Task<(JujuCommand Command, JujuCommandResult Result)> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var command = new JujuCommand(WithModelArgument(args));
        return (command, await runner.RunAsync(command, cancellationToken));
    }

    /// <summary>Reads the task from stdout. A failed action exits 1 with its task on stdout ("task failed" on stderr);
    /// a refused one (unknown action: 3.6 and 4.x word it differently) prints no task.</summary>
    private static ActionTask ReadTask(JujuCommand command, JujuCommandResult result, string unit)
    {
        JsonObject? tasks = null;
        try
        {
            tasks = result.StandardOutput.Trim().Length == 0 ? null : JsonNode.Parse(result.StandardOutput) as JsonObject;
        }
        catch (JsonException e) when (result.ExitCode == 0)
        {
            throw new JujuCliException(command, result, "printed JSON the client cannot read as an action result", e);
        }
        catch (JsonException)
        {
            // A refusal with text on stdout: reported below with stderr.
        }

        if (tasks is null || tasks.Count == 0 || tasks.First().Value is not JsonObject task)
        {
            throw new JujuCliException(command, result, result.ExitCode == 0 ? "printed no task" : $"exited {result.ExitCode} without running the action");
        }

        try
        {
            return ActionTask.FromJson(tasks.First().Key ?? unit, task);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new JujuCliException(command, result, $"printed a task the client cannot read: {e.Message}", e);
        }
    }
}
