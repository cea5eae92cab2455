using Charmarr.Ops.Model;

namespace Charmarr.Ops.Events;

/// <summary>An event about a workload container: <c>&lt;container&gt;-pebble-*</c>.</summary>
public abstract class WorkloadEvent : JujuEvent
{
    private protected WorkloadEvent(JujuEventSnapshot snapshot, Container workload)
        : base(snapshot)
    {
        Workload = workload;
    }

    /// <summary>The container.</summary>
    public Container Workload { get; }

    /// <summary>The container name.</summary>
    public override string? Scope => Workload.Name;

    /// <inheritdoc />
    public override bool IsReconcilable => true;
}

/// <summary><c>&lt;container&gt;-pebble-ready</c>: the container's Pebble is up and reachable.</summary>
public sealed class PebbleReadyEvent : WorkloadEvent
{
    internal PebbleReadyEvent(JujuEventSnapshot snapshot, Container workload)
        : base(snapshot, workload)
    {
    }
}

/// <summary><c>&lt;container&gt;-pebble-custom-notice</c>: the workload recorded a custom Pebble notice.</summary>
public sealed class PebbleCustomNoticeEvent : WorkloadEvent
{
    internal PebbleCustomNoticeEvent(JujuEventSnapshot snapshot, Container workload)
        : base(snapshot, workload)
    {
    }

    /// <summary>The notice id.</summary>
    public string NoticeId => Snapshot.NoticeId ?? "";

    /// <summary>The notice type, e.g. <c>custom</c>.</summary>
    public string NoticeType => Snapshot.NoticeType ?? "";

    /// <summary>The notice key, e.g. <c>example.com/backup-done</c>.</summary>
    public string NoticeKey => Snapshot.NoticeKey ?? "";
}

/// <summary>A Pebble check changed state: <c>&lt;container&gt;-pebble-check-failed</c> or <c>-recovered</c>.</summary>
public abstract class PebbleCheckEvent : WorkloadEvent
{
    private protected PebbleCheckEvent(JujuEventSnapshot snapshot, Container workload)
        : base(snapshot, workload)
    {
    }

    /// <summary>The check's name.</summary>
    public string CheckName => Snapshot.CheckName ?? "";
}

/// <summary><c>&lt;container&gt;-pebble-check-failed</c>: a check reached its failure threshold.</summary>
public sealed class PebbleCheckFailedEvent : PebbleCheckEvent
{
    internal PebbleCheckFailedEvent(JujuEventSnapshot snapshot, Container workload)
        : base(snapshot, workload)
    {
    }
}

/// <summary><c>&lt;container&gt;-pebble-check-recovered</c>: a failed check passes again.</summary>
public sealed class PebbleCheckRecoveredEvent : PebbleCheckEvent
{
    internal PebbleCheckRecoveredEvent(JujuEventSnapshot snapshot, Container workload)
        : base(snapshot, workload)
    {
    }
}
