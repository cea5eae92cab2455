using Charmarr.Interfaces.Common;
using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Model;
using Microsoft.Extensions.Logging;

namespace Charmarr.Interfaces;

/// <summary>
/// One side of a Charmarr relation interface on one endpoint. Charmarr's wire format: each side writes its data as JSON
/// under the key <c>config</c> of its own application databag; only the leader writes (on other units a write is a
/// logged no-op); data the remote side wrote that is missing or invalid makes that relation "not ready" (a warning in
/// the log), never an exception in the hook.
/// </summary>
public abstract class RelationInterface : CharmComponent
{
    /// <summary>The application-databag key that holds each side's JSON.</summary>
    public const string ConfigKey = "config";

    private protected RelationInterface(CharmObject parent, string endpoint, bool raisesChanged)
        : base(parent, endpoint)
    {
        Endpoint = endpoint;
        if (raisesChanged)
        {
            RelationInterfaceChangedEvent.Register(Framework);
            Observe<RelationChangedEvent>(endpoint, e => RaiseChangedAsync(e, isBroken: false));
            Observe<RelationBrokenEvent>(endpoint, e => RaiseChangedAsync(e, isBroken: true));
        }
    }

    /// <summary>The endpoint this side of the interface is bound to.</summary>
    public string Endpoint { get; }

    /// <summary>The live relations on the endpoint (a relation being broken is not among them).</summary>
    private protected IReadOnlyList<Relation> Relations => Model.Relations.Get(Endpoint);

    /// <summary>Writes <paramref name="data"/> to every relation on the endpoint (leader only).</summary>
    /// <exception cref="ArgumentException">The data would be invalid for the remote side (see <see cref="RemoteDataState.Invalid"/>).</exception>
    private protected void PublishToAll<T>(T data)
        where T : class
    {
        CheckPublishable(data);
        if (IsLeaderToWrite())
        {
            var json = WireJson.Serialize(data);
            foreach (var relation in Relations)
            {
                relation.LocalAppData.Set(ConfigKey, json);
            }
        }
    }

    /// <summary>Writes <paramref name="data"/> to the endpoint's one relation, if there is one (leader only).</summary>
    /// <exception cref="ArgumentException">The data would be invalid for the remote side.</exception>
    private protected void PublishToSingle<T>(T data)
        where T : class
    {
        CheckPublishable(data);
        if (IsLeaderToWrite() && Model.Relations.GetSingle(Endpoint) is { } relation)
        {
            relation.LocalAppData.Set(ConfigKey, WireJson.Serialize(data));
        }
    }

    /// <summary>Removes this side's data from every relation on the endpoint (leader only).</summary>
    private protected void ClearAll()
    {
        if (IsLeaderToWrite())
        {
            foreach (var relation in Relations)
            {
                relation.LocalAppData.Remove(ConfigKey);
            }
        }
    }

    /// <summary>The remote data of every ready relation on the endpoint, by ascending relation id.</summary>
    private protected IReadOnlyList<T> ReadAll<T>()
        where T : class => Relations.Select(Read<T>).OfType<T>().ToList();

    /// <summary>The remote data of every relation on the endpoint, or why each is not ready, by ascending relation id.</summary>
    private protected IReadOnlyList<RemoteData<T>> ReadAllData<T>()
        where T : class => Relations.Select(ReadData<T>).ToList();

    /// <summary>The remote data of the endpoint's one relation, or <see langword="null"/> when there is none or it is not ready.</summary>
    private protected T? ReadSingle<T>()
        where T : class => ReadSingleData<T>().Data;

    /// <summary>The remote data of the endpoint's one relation, or why there is none.</summary>
    private protected RemoteData<T> ReadSingleData<T>()
        where T : class => Model.Relations.GetSingle(Endpoint) is { } relation
            ? ReadData<T>(relation)
            : RemoteData<T>.Absent($"there is no {Endpoint} relation");

    /// <summary>The remote application's data on one relation, or <see langword="null"/> when it is not ready.</summary>
    private protected T? Read<T>(Relation relation)
        where T : class => ReadData<T>(relation).Data;

    /// <summary>
    /// The remote application's data on one relation, or why it is not ready: logged at Debug while the remote side has
    /// not published yet (the normal state of a new relation), as a Warning when what it published is invalid (not the
    /// JSON shape, or a value that cannot be used for what it is for).
    /// </summary>
    private protected RemoteData<T> ReadData<T>(Relation relation)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(relation);
        if (relation.RemoteApp is null)
        {
            return NotReady(relation, RemoteData<T>.Absent("the remote application is not known yet"), LogLevel.Debug);
        }

        if (relation.RemoteAppData.Get(ConfigKey) is not { } json)
        {
            return NotReady(relation, RemoteData<T>.Absent($"{relation.RemoteApp} has not published '{ConfigKey}' yet"), LogLevel.Debug);
        }

        return WireJson.TryDeserialize<T>(json, out var value, out var problem)
            ? RemoteData<T>.Ready(value!)
            : NotReady(relation, RemoteData<T>.Invalid(problem!), LogLevel.Warning);
    }

    private RemoteData<T> NotReady<T>(Relation relation, RemoteData<T> result, LogLevel level)
        where T : class
    {
#pragma warning disable CA2254 // The template is constant; only the level varies.
        Logger.Log(level, "Relation {Relation} is not ready: {Reason}", relation, result.Problem);
#pragma warning restore CA2254
        return result;
    }

    // The remote side validates what it reads; refusing here names the publishing charm's own bug where it is made.
    private void CheckPublishable<T>(T data)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(data);
        if (WireValidation.Problem(data) is { } problem)
        {
            throw new ArgumentException($"{Endpoint}: cannot publish {typeof(T).Name}: {problem}", nameof(data));
        }
    }

    private bool IsLeaderToWrite()
    {
        if (Model.Unit.IsLeader)
        {
            return true;
        }

        Logger.LogDebug("Not writing {Endpoint} data: only the leader writes application data", Endpoint);
        return false;
    }

    private Task RaiseChangedAsync(RelationEvent e, bool isBroken) =>
        Framework.EmitAsync(new RelationInterfaceChangedEvent(Endpoint, e.Relation.Id, isBroken));
}
