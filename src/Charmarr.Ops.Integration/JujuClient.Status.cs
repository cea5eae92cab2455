using System.Globalization;
using Charmarr.Ops.Integration.Cli;
using Charmarr.Ops.Integration.Json;
using Charmarr.Ops.Integration.Status;
using Charmarr.Ops.Integration.Units;

namespace Charmarr.Ops.Integration;

public sealed partial class JujuClient
{
    /// <summary>The model's status (<c>juju status --format json</c>), as typed records.</summary>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The status.</returns>
    /// <exception cref="JujuCliException">The command failed or printed JSON that is not a status.</exception>
    public Task<JujuStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        ReadJsonAsync(["status", "--format", "json"], IntegrationJsonContext.Default.JujuStatus, cancellationToken);

    /// <summary>One unit's details and relation data (<c>juju show-unit &lt;unit&gt; --format json</c>).</summary>
    /// <param name="unit">The unit (<c>plex/0</c>; <c>plex/leader</c> works too).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The unit's details.</returns>
    public async Task<UnitInfo> ShowUnitAsync(string unit, CancellationToken cancellationToken = default)
    {
        var units = await ReadJsonAsync(["show-unit", unit, "--format", "json"], IntegrationJsonContext.Default.DictionaryStringUnitInfo, cancellationToken);
        return units.Count == 1 ? units.Values.Single()
            : units.TryGetValue(unit, out var info) ? info
            : throw new JujuCliException($"juju show-unit {unit}: the answer names {units.Count} units, not {unit}");
    }

    /// <summary>The model's log so far (<c>juju debug-log --no-tail</c>; never follows).</summary>
    /// <param name="limit">The most recent lines only (<c>--limit</c>); <see langword="null"/> replays the whole log (<c>--replay</c>).</param>
    /// <param name="include">Only this entity's lines (<c>--include plex/0</c>).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The log lines.</returns>
    public Task<string> DebugLogAsync(int? limit = null, string? include = null, CancellationToken cancellationToken = default)
    {
        List<string> args = ["debug-log", "--no-tail"];
        if (limit is { } n)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n, nameof(limit));
            args.AddRange(["--limit", n.ToString(CultureInfo.InvariantCulture)]);
        }
        else
        {
            args.Add("--replay");
        }

        if (include is not null)
        {
            args.AddRange(["--include", include]);
        }

        return RunModelCheckedAsync(args, cancellationToken);
    }
}
