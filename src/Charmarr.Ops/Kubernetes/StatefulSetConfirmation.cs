using Charmarr.Ops.State;

namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// What this unit last confirmed of its StatefulSet: the canonical text of the spec it last found (or made) true there, kept in
/// stored state so a later dispatch that wants the same can skip the API. Events after which the StatefulSet may have
/// changed without the charm (Juju rewrites it on refresh; a new pod, a new leader; the periodic update-status, which
/// bounds drift made by hand) always look again.
/// </summary>
internal sealed class StatefulSetConfirmation
{
    /// <summary>The stored-state key, outside any charm object's path.</summary>
    public const string Key = "Charmarr.Ops/statefulset-confirmed";

    private static readonly HashSet<string> LookAgainEvents = new(StringComparer.Ordinal)
    {
        "install", "start", "upgrade-charm", "leader-elected", "update-status", "post-series-upgrade",
    };

    private readonly Func<StoredState<string>> bind;
    private readonly bool lookAgain;
    private StoredState<string>? stored;

    /// <summary>Creates the confirmation of one dispatch.</summary>
    /// <param name="bind">Binds the stored text (on first use, so a dispatch that reconciles nothing reads nothing).</param>
    /// <param name="eventName">The dispatched event (or action): some always look again.</param>
    public StatefulSetConfirmation(Func<StoredState<string>> bind, string eventName)
    {
        this.bind = bind;
        lookAgain = LookAgainEvents.Contains(eventName);
    }

    private StoredState<string> Stored => stored ??= bind();

    /// <summary>Whether <paramref name="spec"/> was confirmed before and this event does not call for a fresh look.</summary>
    public bool Holds(string spec) => !lookAgain && Stored.Value == spec;

    /// <summary>Records <paramref name="spec"/> as true in the StatefulSet now (saved if the dispatch succeeds).</summary>
    public void Confirm(string spec) => Stored.Value = spec;
}
