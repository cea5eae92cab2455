using System.Text;
using Charmarr.Ops.Integration.Status;

namespace Charmarr.Ops.Integration.Waiting;

/// <summary>A compact text form of a status for error messages: one line per application and per unit.</summary>
public static class StatusSummary
{
    /// <summary>Renders a status.</summary>
    /// <param name="status">The status, or <see langword="null"/> when none was read.</param>
    /// <returns>Lines such as <c>plex/0* blocked/idle: Waiting for media-storage relation</c>.</returns>
    public static string Render(JujuStatus? status)
    {
        if (status is null)
        {
            return "(no status was read)";
        }

        var text = new StringBuilder();
        text.Append("model ").Append(status.Model.Name).Append(" (Juju ").Append(status.Model.Version).Append(')');
        if (status.Applications.Count == 0)
        {
            text.Append("\n  (no applications)");
        }

        foreach (var (name, app) in status.Applications.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            text.Append("\n  ").Append(name).Append(": ").Append(app.ApplicationStatusInfo).Append(" (scale ").Append(app.Scale).Append(')');
            foreach (var (unitName, unit) in app.Units.OrderBy(u => u.Key, StringComparer.Ordinal))
            {
                text.Append("\n    ").Append(unitName).Append(unit.Leader ? "*" : "").Append(' ')
                    .Append(unit.WorkloadStatus.Current).Append('/').Append(unit.AgentStatus.Current);
                if (unit.WorkloadStatus.Message.Length > 0)
                {
                    text.Append(": ").Append(unit.WorkloadStatus.Message);
                }
            }
        }

        return text.ToString();
    }
}
