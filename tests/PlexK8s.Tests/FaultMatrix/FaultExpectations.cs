using Charmarr.Ops.Model;

namespace Charmarr.PlexK8s.Tests.FaultMatrix;

/// <summary>
/// What every cell must do (issue 15): finish within 35 s; exit 0 with a status that says what to do, or exit 1 with a
/// typed error (one of Charmarr's own exception types) logged so Juju retries; never an exception of a raw type.
/// Beyond that: a fault the charm ran into in Pebble or Kubernetes must not leave the unit Active; Pebble being absent is
/// "Waiting for Pebble"; Kubernetes refusing access (403) is Blocked naming <c>juju trust</c>.
/// </summary>
internal static class FaultExpectations
{
    /// <summary>Why the cell is wrong, or null when it is right.</summary>
    public static string? Problem(CellOutcome cell)
    {
        if (cell.Hung)
        {
            return $"hung: still running after {FaultCellRunner.HangBound.TotalSeconds:0} s";
        }

        if (cell.ExitCode is not (0 or 1))
        {
            return $"exit {cell.ExitCode}: {cell.Exception}";
        }

        if (cell.ExitCode == 1)
        {
            if (cell.Exception is null)
            {
                return "exit 1 without a logged exception";
            }

            if (!cell.ExceptionIsTyped)
            {
                return $"exit 1 with an unhandled {cell.Exception.GetType().FullName}: {cell.Exception.Message}";
            }

            return cell.ErrorLogs.Count == 0 && cell.Fault.Tool != "juju-log" ? "exit 1 with nothing logged at ERROR" : null;
        }

        if (cell.Status.Kind is StatusKind.Error or StatusKind.Unknown)
        {
            return $"exit 0 with status {cell.Status}";
        }

        if (cell.Status.Kind != StatusKind.Active && string.IsNullOrWhiteSpace(cell.Status.Message))
        {
            return $"exit 0 with a {cell.Status.Kind} status that says nothing";
        }

        if (!cell.FaultHit || cell.Event == "claim-server")
        {
            return null;
        }

        return cell.Fault switch
        {
            { Family: FaultFamily.Pebble, Kind: "absent" } when cell.Status != Status.Waiting("Waiting for Pebble") =>
                $"Pebble absent: expected Waiting for Pebble, got {cell.Status}",
            { Family: FaultFamily.Kubernetes, Code: 403 } when !(cell.Status.Kind == StatusKind.Blocked && cell.Status.Message.Contains("juju trust", StringComparison.Ordinal)) =>
                $"K8s 403: expected Blocked naming juju trust, got {cell.Status}",
            { Family: FaultFamily.Pebble or FaultFamily.Kubernetes } when cell.Status.Kind == StatusKind.Active =>
                $"exit 0 and Active although the charm ran into {cell.Fault.Name}",
            _ => null,
        };
    }
}
