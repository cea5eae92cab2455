using Charmarr.Ops.Testing.Pebble.Layers;

namespace Charmarr.Ops.Testing.Pebble.State;

/// <summary>What a simulated service process is doing; no real process runs.</summary>
internal enum ServiceState
{
    /// <summary>Never started.</summary>
    Initial,

    /// <summary>Running.</summary>
    Active,

    /// <summary>Stopped by a stop task.</summary>
    Stopped,

    /// <summary>Exited and waiting to be restarted.</summary>
    Backoff,

    /// <summary>Exited and left alone (on-success/on-failure other than restart).</summary>
    Exited,
}

/// <summary>The runtime state of one service the manager has started at least once.</summary>
internal sealed class ServiceRuntime(string name)
{
    public string Name { get; } = name;
    public ServiceState State { get; set; } = ServiceState.Initial;
    public DateTimeOffset? CurrentSince { get; set; }

    /// <summary>The configuration it was last started or replanned with (Pebble's tracked copy, §3.8).</summary>
    public string? TrackedConfig { get; set; }

    /// <summary>How many times it has been restarted after exiting (drives the backoff delay).</summary>
    public int BackoffCount { get; set; }

    /// <summary>A failure the test queued for the next start attempt.</summary>
    public (int ExitCode, IReadOnlyList<string> Output)? FailNextStart { get; set; }

    /// <summary>Cancels the pending backoff restart.</summary>
    public CancellationTokenSource? BackoffTimer { get; set; }

    public string Current => State switch
    {
        ServiceState.Active => "active",
        ServiceState.Backoff => "backoff",
        ServiceState.Exited => "error",
        _ => "inactive",
    };

    /// <summary>A service's configuration as a comparable text (deep equality of every field).</summary>
    public static string Fingerprint(ServiceConfig config)
    {
        var plan = new PlanLayer();
        plan.Services[config.Name] = config;
        return PlanYamlWriter.Render(plan);
    }
}
