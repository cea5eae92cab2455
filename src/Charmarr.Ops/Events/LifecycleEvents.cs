namespace Charmarr.Ops.Events;

/// <summary><c>install</c>: the first hook a unit runs.</summary>
public sealed class InstallEvent : JujuEvent
{
    internal InstallEvent(JujuEventSnapshot snapshot)
        : base(snapshot)
    {
    }

    /// <inheritdoc />
    public override bool IsReconcilable => true;
}

/// <summary><c>start</c>: runs after install and config-changed, and after the unit's machine or pod restarts.</summary>
public sealed class StartEvent : JujuEvent
{
    internal StartEvent(JujuEventSnapshot snapshot)
        : base(snapshot)
    {
    }

    /// <inheritdoc />
    public override bool IsReconcilable => true;
}

/// <summary><c>stop</c>: the unit is going away or its pod is being replaced. Cannot be deferred.</summary>
public sealed class StopEvent : JujuEvent
{
    internal StopEvent(JujuEventSnapshot snapshot)
        : base(snapshot)
    {
    }

    internal override string DeferRefusal => "stop cannot be deferred: Juju will not send it again; do the work now";
}

/// <summary><c>remove</c>: the last hook a unit runs. Cannot be deferred.</summary>
public sealed class RemoveEvent : JujuEvent
{
    internal RemoveEvent(JujuEventSnapshot snapshot)
        : base(snapshot)
    {
    }

    internal override string DeferRefusal => "remove cannot be deferred: it is the unit's last hook, there is no later dispatch";
}

/// <summary><c>config-changed</c>: the configuration may have changed (also runs after install, upgrade and leader changes).</summary>
public sealed class ConfigChangedEvent : JujuEvent
{
    internal ConfigChangedEvent(JujuEventSnapshot snapshot)
        : base(snapshot)
    {
    }

    /// <inheritdoc />
    public override bool IsReconcilable => true;
}

/// <summary><c>update-status</c>: sent periodically (5 minutes by default) to refresh the status.</summary>
public sealed class UpdateStatusEvent : JujuEvent
{
    internal UpdateStatusEvent(JujuEventSnapshot snapshot)
        : base(snapshot)
    {
    }

    /// <inheritdoc />
    public override bool IsReconcilable => true;
}

/// <summary><c>upgrade-charm</c>: a new charm revision has been unpacked.</summary>
public sealed class UpgradeCharmEvent : JujuEvent
{
    internal UpgradeCharmEvent(JujuEventSnapshot snapshot)
        : base(snapshot)
    {
    }

    /// <inheritdoc />
    public override bool IsReconcilable => true;
}

/// <summary><c>leader-elected</c>: this unit has become the leader.</summary>
public sealed class LeaderElectedEvent : JujuEvent
{
    internal LeaderElectedEvent(JujuEventSnapshot snapshot)
        : base(snapshot)
    {
    }

    /// <inheritdoc />
    public override bool IsReconcilable => true;
}

/// <summary><c>leader-settings-changed</c> (Juju 3.x, deprecated): leader settings changed; also a sign this unit is not the leader.</summary>
public sealed class LeaderSettingsChangedEvent : JujuEvent
{
    internal LeaderSettingsChangedEvent(JujuEventSnapshot snapshot)
        : base(snapshot)
    {
    }

    /// <inheritdoc />
    public override bool IsReconcilable => true;
}

/// <summary><c>pre-series-upgrade</c> (machines, Juju 3.x): the machine's base is about to be upgraded.</summary>
public sealed class PreSeriesUpgradeEvent : JujuEvent
{
    internal PreSeriesUpgradeEvent(JujuEventSnapshot snapshot)
        : base(snapshot)
    {
    }

    /// <summary>The base being upgraded to, e.g. <c>ubuntu@24.04</c>.</summary>
    public string? TargetBase => Snapshot.TargetBase;
}

/// <summary><c>post-series-upgrade</c> (machines, Juju 3.x): the machine's base has been upgraded.</summary>
public sealed class PostSeriesUpgradeEvent : JujuEvent
{
    internal PostSeriesUpgradeEvent(JujuEventSnapshot snapshot)
        : base(snapshot)
    {
    }

    /// <inheritdoc />
    public override bool IsReconcilable => true;
}

/// <summary><c>collect-metrics</c> (machines, removed in Juju 3.6.11): runs in a restricted context where most hook tools fail.</summary>
public sealed class CollectMetricsEvent : JujuEvent
{
    internal CollectMetricsEvent(JujuEventSnapshot snapshot)
        : base(snapshot)
    {
    }
}
