using Charmarr.Ops.Framework;

namespace Charmarr.Interfaces.MediaManager;

/// <summary>
/// The consuming side of <c>media-manager</c> (any number of relations, e.g. radarr and sonarr): reads each manager's
/// data and publishes the request manager's own. Raises <see cref="RelationInterfaceChangedEvent"/> on the endpoint's
/// relation-changed and relation-broken.
/// </summary>
/// <param name="parent">The charm or component that owns it.</param>
/// <param name="endpoint">The endpoint, as declared in the charm's metadata.</param>
public sealed class MediaManagerRequirer(CharmObject parent, string endpoint = "media-manager")
    : BroadcastingInterface<MediaManagerRequirerData>(parent, endpoint, raisesChanged: true)
{
    /// <summary>What each related media manager published, skipping relations that are not ready.</summary>
    /// <returns>The providers' data, by relation id.</returns>
    public IReadOnlyList<MediaManagerProviderData> GetProviders() => ReadAll<MediaManagerProviderData>();

    /// <summary>
    /// What each related media manager published, or why it is not ready (<see cref="RemoteDataState.Absent"/>, or
    /// <see cref="RemoteDataState.Invalid"/> naming the field), one per relation by relation id.
    /// </summary>
    /// <returns>One result per relation.</returns>
    public IReadOnlyList<RemoteData<MediaManagerProviderData>> ReadProviders() => ReadAllData<MediaManagerProviderData>();

    /// <summary>Whether at least one media manager's data is there and valid.</summary>
    /// <returns><see langword="true"/> when <see cref="GetProviders"/> has data.</returns>
    public bool IsReady() => GetProviders().Count > 0;
}
