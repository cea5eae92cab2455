namespace Charmarr.Ops.Testing;

/// <summary>Typed members for the hooks that carry no context, and relation-changed without a data change.</summary>
public sealed partial class Harness<TCharm>
{
    /// <summary>Dispatches <c>install</c>.</summary>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    public Task InstallAsync(CancellationToken cancellationToken = default) => HookAsync("install", cancellationToken);

    /// <inheritdoc cref="InstallAsync"/>
    public void Install() => Sync(() => InstallAsync());

    /// <summary>Dispatches <c>start</c>.</summary>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    public Task StartAsync(CancellationToken cancellationToken = default) => HookAsync("start", cancellationToken);

    /// <inheritdoc cref="StartAsync"/>
    public void Start() => Sync(() => StartAsync());

    /// <summary>Dispatches <c>stop</c> (the unit is being removed, or its pod is being replaced).</summary>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    public Task StopAsync(CancellationToken cancellationToken = default) => HookAsync("stop", cancellationToken);

    /// <inheritdoc cref="StopAsync"/>
    public void Stop() => Sync(() => StopAsync());

    /// <summary>Dispatches <c>remove</c> (the unit's last hook).</summary>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    public Task RemoveAsync(CancellationToken cancellationToken = default) => HookAsync("remove", cancellationToken);

    /// <inheritdoc cref="RemoveAsync"/>
    public void Remove() => Sync(() => RemoveAsync());

    /// <summary>Dispatches <c>upgrade-charm</c> (a refresh to a new revision of the charm).</summary>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    public Task UpgradeCharmAsync(CancellationToken cancellationToken = default) => HookAsync("upgrade-charm", cancellationToken);

    /// <inheritdoc cref="UpgradeCharmAsync"/>
    public void UpgradeCharm() => Sync(() => UpgradeCharmAsync());

    /// <summary>Dispatches <c>leader-settings-changed</c> (sent to non-leaders; leadership does not change).</summary>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    public Task LeaderSettingsChangedAsync(CancellationToken cancellationToken = default) => HookAsync("leader-settings-changed", cancellationToken);

    /// <inheritdoc cref="LeaderSettingsChangedAsync"/>
    public void LeaderSettingsChanged() => Sync(() => LeaderSettingsChangedAsync());

    /// <summary>Dispatches <c>config-changed</c> without changing config (Juju also sends it after an upgrade or a restart of the agent).</summary>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    public Task ConfigChangedAsync(CancellationToken cancellationToken = default) => HookAsync("config-changed", cancellationToken);

    /// <inheritdoc cref="ConfigChangedAsync"/>
    public void ConfigChanged() => Sync(() => ConfigChangedAsync());

    /// <summary>
    /// Dispatches <c>&lt;endpoint&gt;-relation-changed</c> without changing any data, as Juju does when a unit's bag was
    /// written with the same content (or, with <paramref name="remoteUnit"/> <see langword="null"/>, the application's).
    /// </summary>
    /// <param name="relationId">The relation.</param>
    /// <param name="remoteUnit">The remote unit whose bag "changed", e.g. <c>postgresql/0</c>; <see langword="null"/> for the remote application's bag.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    /// <exception cref="ArgumentException">The relation does not exist, or the unit is not in it.</exception>
    public Task RelationChangedAsync(int relationId, string? remoteUnit = null, CancellationToken cancellationToken = default)
    {
        if (remoteUnit is not null && !RelationMembers(relationId).Contains(remoteUnit))
        {
            throw new ArgumentException(
                $"unit \"{remoteUnit}\" is not in relation {relationId} (units: {string.Join(", ", RelationMembers(relationId))})", nameof(remoteUnit));
        }

        return RunAsync(RelationRequest("changed", relationId, remoteUnit), cancellationToken);
    }

    /// <inheritdoc cref="RelationChangedAsync"/>
    public void RelationChanged(int relationId, string? remoteUnit = null) => Sync(() => RelationChangedAsync(relationId, remoteUnit));

    private async Task HookAsync(string name, CancellationToken cancellationToken) => await RunAsync(EventRequest.Hook(name), cancellationToken).ConfigureAwait(false);
}
