namespace Charmarr.Ops.Integration.Waiting;

/// <summary>How <see cref="JujuClient.WaitAsync"/> polls.</summary>
public sealed record WaitOptions
{
    /// <summary>The longest wait (default 10 minutes).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The pause between two <c>juju status</c> calls (default 1 second).</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many statuses in a row must meet the condition (default 3, as a unit can pass through
    /// <c>active</c> between two hooks).</summary>
    public int Successes { get; init; } = 3;
}
