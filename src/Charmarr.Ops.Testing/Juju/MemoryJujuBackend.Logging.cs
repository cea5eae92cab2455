using Charmarr.Ops.Backend;

namespace Charmarr.Ops.Testing.Juju;

/// <summary>One <c>juju-log</c> line.</summary>
/// <param name="Level">Its level.</param>
/// <param name="Message">Its text.</param>
public sealed record JujuLogLine(JujuLogLevel Level, string Message);

public sealed partial class MemoryJujuBackend
{
    private readonly List<JujuLogLine> logs = [];

    /// <summary>Every line written with <c>juju-log</c>, oldest first.</summary>
    public IReadOnlyList<JujuLogLine> Logs => logs;

    /// <inheritdoc />
    public void Log(JujuLogLevel level, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!Enum.IsDefined(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "unknown log level");
        }

        logs.Add(new JujuLogLine(level, message));
    }
}
