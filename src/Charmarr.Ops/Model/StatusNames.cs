namespace Charmarr.Ops.Model;

/// <summary>Converts between <see cref="StatusKind"/> and Juju's status words.</summary>
public static class StatusNames
{
    /// <summary>The Juju word for a status kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The lower-case word, e.g. <c>active</c>.</returns>
    public static string ToName(StatusKind kind) => kind switch
    {
        StatusKind.Active => "active",
        StatusKind.Blocked => "blocked",
        StatusKind.Maintenance => "maintenance",
        StatusKind.Waiting => "waiting",
        StatusKind.Error => "error",
        StatusKind.Terminated => "terminated",
        _ => "unknown",
    };

    /// <summary>Parses a Juju status word; anything unrecognised is <see cref="StatusKind.Unknown"/>.</summary>
    /// <param name="name">The word, e.g. <c>blocked</c>.</param>
    /// <returns>The kind.</returns>
    public static StatusKind Parse(string? name) => name switch
    {
        "active" => StatusKind.Active,
        "blocked" => StatusKind.Blocked,
        "maintenance" => StatusKind.Maintenance,
        "waiting" => StatusKind.Waiting,
        "error" => StatusKind.Error,
        "terminated" => StatusKind.Terminated,
        _ => StatusKind.Unknown,
    };
}
