namespace Charmarr.Ops.Testing;

public sealed partial class Harness<TCharm>
{
    /// <summary>Makes this unit the leader or not; emits leader-elected when it gains leadership after <see cref="Begin"/>.</summary>
    /// <param name="isLeader">Whether this unit leads.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook (if any) has run.</returns>
    public async Task SetLeaderAsync(bool isLeader = true, CancellationToken cancellationToken = default)
    {
        var was = Backend.Leader;
        Backend.Leader = isLeader;
        if (isLeader && !was)
        {
            await EmitAsync(EventRequest.Hook("leader-elected"), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc cref="SetLeaderAsync"/>
    public void SetLeader(bool isLeader = true) => Sync(() => SetLeaderAsync(isLeader));

    /// <summary>Sets how many units the application should have (goal state); emits nothing, as in Juju.</summary>
    /// <param name="count">At least 1.</param>
    public void SetPlannedUnits(int count) => Backend.SetPlannedUnits(count);

    /// <summary>
    /// Changes config without emitting anything (the next event sees it), checked as <see cref="UpdateConfigAsync(ValueTuple{string, object}[])"/>
    /// checks it; a <see langword="null"/> value resets the option to its default.
    /// </summary>
    /// <param name="values">The options to set, e.g. <c>("port", 9090)</c>.</param>
    /// <exception cref="ArgumentException">An option is not declared or a value has the wrong type; the message lists every problem.</exception>
    public void SetConfig(params (string Key, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (key, value) in ConfigValidator.Validate(Metadata, Backend.JujuVersion, values))
        {
            Backend.SetConfig(key, value);
        }
    }

    /// <summary>
    /// Changes config as <c>juju config</c> does and emits config-changed. Each value is checked against the option's
    /// type in charmcraft.yaml (string, int, float, boolean, secret); a <see langword="null"/> value resets the option
    /// to its default.
    /// </summary>
    /// <param name="values">The options to set, e.g. <c>("port", 9090)</c>.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    /// <exception cref="ArgumentException">An option is not declared or a value has the wrong type; the message lists every problem.</exception>
    public Task UpdateConfigAsync(params (string Key, object? Value)[] values) => UpdateConfigAsync(values, CancellationToken.None);

    /// <inheritdoc cref="UpdateConfigAsync(ValueTuple{string, object}[])"/>
    /// <param name="values">The options to set.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    public async Task UpdateConfigAsync(IEnumerable<(string Key, object? Value)> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        SetConfig([.. values]);
        await EmitAsync(EventRequest.Hook("config-changed"), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="UpdateConfigAsync(ValueTuple{string, object}[])"/>
    public void UpdateConfig(params (string Key, object? Value)[] values) => Sync(() => UpdateConfigAsync(values, CancellationToken.None));
}
