namespace Charmarr.Ops.Testing.Pebble.Json;

/// <summary>Go durations with Go's own error messages, over the framework's parser and formatter
/// (<see cref="Charmarr.Ops.Pebble.GoDuration"/>), so the client and the simulator read and print them alike.</summary>
internal static class GoDuration
{
    /// <summary>Parses a Go duration; on failure <paramref name="error"/> holds Go's message (<c>time: invalid duration "x"</c>).</summary>
    public static bool TryParse(string text, out TimeSpan duration, out string error)
    {
        if (Ops.Pebble.GoDuration.TryParse(text, out duration, out var reason, out var unit))
        {
            error = "";
            return true;
        }

        var quoted = GoText.Quote(text);
        error = reason switch
        {
            Ops.Pebble.GoDurationError.MissingUnit => $"time: missing unit in duration {quoted}",
            Ops.Pebble.GoDurationError.UnknownUnit => $"time: unknown unit {GoText.Quote(unit)} in duration {quoted}",
            _ => $"time: invalid duration {quoted}",
        };
        return false;
    }

    /// <summary>Go's <c>Duration.String()</c>: <c>0s</c>, <c>500ms</c>, <c>1.5s</c>, <c>1m0s</c>, <c>168h0m0s</c>.</summary>
    public static string Format(TimeSpan duration) => Ops.Pebble.GoDuration.Format(duration);
}
