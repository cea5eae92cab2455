using Charmarr.Ops.Framework;

namespace Charmarr.Interfaces;

/// <summary>
/// The requiring side of an interface with one provider: reads what the provider published on the endpoint's one
/// relation. Raises <see cref="RelationInterfaceChangedEvent"/> on the endpoint's relation-changed and relation-broken.
/// </summary>
/// <typeparam name="TProviderData">The data the provider publishes.</typeparam>
public abstract class SingleProviderRequirer<TProviderData> : RelationInterface
    where TProviderData : class
{
    private protected SingleProviderRequirer(CharmObject parent, string endpoint)
        : base(parent, endpoint, raisesChanged: true)
    {
    }

    /// <summary>The provider's data, or <see langword="null"/> when there is no relation or its data is missing or invalid.</summary>
    /// <returns>The provider's data.</returns>
    /// <exception cref="Ops.Model.TooManyRelatedAppsException">The endpoint has more than one relation.</exception>
    public TProviderData? GetProvider() => ReadSingle<TProviderData>();

    /// <summary>
    /// The provider's data, or why there is none: <see cref="RemoteDataState.Absent"/> (no relation, or nothing published
    /// yet) or <see cref="RemoteDataState.Invalid"/> with the field and what is wrong with it, for the charm's status.
    /// </summary>
    /// <returns>The provider's data or the reason it is not ready.</returns>
    /// <exception cref="Ops.Model.TooManyRelatedAppsException">The endpoint has more than one relation.</exception>
    public RemoteData<TProviderData> ReadProvider() => ReadSingleData<TProviderData>();

    /// <summary>Whether the provider's data is there and valid.</summary>
    /// <returns><see langword="true"/> when <see cref="GetProvider"/> has data.</returns>
    public bool IsReady() => GetProvider() is not null;
}
