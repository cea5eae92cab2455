using Charmarr.Ops.Model;

namespace Charmarr.Ops.Backend;

/// <summary>The status Juju holds for this unit or application (<c>status-get --include-data</c>).</summary>
/// <param name="Status">The status and its message.</param>
/// <param name="Units">For an application status: each unit's status by unit name; empty for a unit status.</param>
public sealed record StatusReport(Status Status, IReadOnlyDictionary<string, Status> Units);
