namespace Charmarr.Ops.Model;

/// <summary>A workload status: a kind and a message, as shown by <c>juju status</c>.</summary>
/// <param name="Kind">The status name.</param>
/// <param name="Message">The human-readable message; empty when there is none.</param>
public sealed record Status(StatusKind Kind, string Message = "")
{
    /// <summary>An <c>active</c> status.</summary>
    /// <param name="message">The message to show.</param>
    /// <returns>The status.</returns>
    public static Status Active(string message = "") => new(StatusKind.Active, message);

    /// <summary>A <c>blocked</c> status: tell the operator what to do.</summary>
    /// <param name="message">The message to show.</param>
    /// <returns>The status.</returns>
    public static Status Blocked(string message) => new(StatusKind.Blocked, message);

    /// <summary>A <c>maintenance</c> status.</summary>
    /// <param name="message">The message to show.</param>
    /// <returns>The status.</returns>
    public static Status Maintenance(string message) => new(StatusKind.Maintenance, message);

    /// <summary>A <c>waiting</c> status.</summary>
    /// <param name="message">The message to show.</param>
    /// <returns>The status.</returns>
    public static Status Waiting(string message) => new(StatusKind.Waiting, message);

    /// <summary>The <c>unknown</c> status a unit has before its charm sets one.</summary>
    public static Status Unknown { get; } = new(StatusKind.Unknown);

    /// <summary>Whether a charm may set this status with <c>status-set</c>.</summary>
    public bool IsSettable => Kind is StatusKind.Active or StatusKind.Blocked or StatusKind.Maintenance or StatusKind.Waiting;

    /// <summary>Throws unless a charm may set this status.</summary>
    /// <param name="paramName">The argument that held the status.</param>
    /// <exception cref="ArgumentException">The status is error, unknown or terminated.</exception>
    internal void ThrowIfNotSettable(string paramName)
    {
        if (!IsSettable)
        {
            throw new ArgumentException($"a charm cannot set status \"{Name}\"; use active, blocked, maintenance or waiting", paramName);
        }
    }

    /// <summary>The priority used to pick one status out of many: error &gt; blocked &gt; maintenance &gt; waiting &gt; active &gt; others.</summary>
    public int Priority => Kind switch
    {
        StatusKind.Error => 5,
        StatusKind.Blocked => 4,
        StatusKind.Maintenance => 3,
        StatusKind.Waiting => 2,
        StatusKind.Active => 1,
        _ => 0,
    };

    /// <summary>The name Juju uses for this status (<c>active</c>, <c>blocked</c>, ...).</summary>
    public string Name => StatusNames.ToName(Kind);

    /// <inheritdoc />
    public override string ToString() => Message.Length == 0 ? Name : $"{Name}: {Message}";
}
