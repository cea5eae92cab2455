using Charmarr.Ops.Model;

namespace Charmarr.Ops.Events;

/// <summary>An event about a secret: <c>secret-*</c>.</summary>
public abstract class SecretEvent : JujuEvent
{
    private protected SecretEvent(JujuEventSnapshot snapshot, Secret secret)
        : base(snapshot)
    {
        Secret = secret;
    }

    /// <summary>The secret; its content is read only when asked for.</summary>
    public Secret Secret { get; }
}

/// <summary><c>secret-changed</c>: a secret this charm consumes has a new revision.</summary>
public sealed class SecretChangedEvent : SecretEvent
{
    internal SecretChangedEvent(JujuEventSnapshot snapshot, Secret secret)
        : base(snapshot, secret)
    {
    }

    /// <inheritdoc />
    public override bool IsReconcilable => true;
}

/// <summary><c>secret-rotate</c>: a secret this charm owns is due for rotation. Cannot be deferred.</summary>
public sealed class SecretRotateEvent : SecretEvent
{
    internal SecretRotateEvent(JujuEventSnapshot snapshot, Secret secret)
        : base(snapshot, secret)
    {
    }

    internal override string DeferRefusal =>
        "secret-rotate cannot be deferred: Juju keeps sending it until the charm creates a new revision, so rotate now";
}

/// <summary><c>secret-remove</c>: no consumer tracks a revision any more; the owner may remove it.</summary>
public sealed class SecretRemoveEvent : SecretEvent
{
    internal SecretRemoveEvent(JujuEventSnapshot snapshot, Secret secret)
        : base(snapshot, secret)
    {
    }

    /// <summary>The revision no longer in use.</summary>
    public int Revision => Snapshot.SecretRevision ?? 0;

    /// <summary>Removes <see cref="Revision"/>.</summary>
    public void RemoveRevision() => Secret.RemoveRevision(Revision);
}

/// <summary><c>secret-expired</c>: a revision this charm owns has expired. Cannot be deferred.</summary>
public sealed class SecretExpiredEvent : SecretEvent
{
    internal SecretExpiredEvent(JujuEventSnapshot snapshot, Secret secret)
        : base(snapshot, secret)
    {
    }

    /// <summary>The expired revision.</summary>
    public int Revision => Snapshot.SecretRevision ?? 0;

    /// <summary>Removes <see cref="Revision"/>.</summary>
    public void RemoveRevision() => Secret.RemoveRevision(Revision);

    internal override string DeferRefusal =>
        "secret-expired cannot be deferred: Juju keeps sending it until the charm creates a new revision, so act now";
}
