using System.Globalization;

namespace Charmarr.Ops.Tracing;

/// <summary>
/// After a failed export, <c>retry-after</c> holds the time (Unix seconds) before which dispatches only buffer: a
/// collector that swallows connections would otherwise cost every hook the whole export deadline.
/// </summary>
internal static class ExportPause
{
    public const string FileName = "retry-after";

    public static bool IsPaused(string directory, DateTimeOffset now) =>
        PrivateFile.ReadOrNull(Path.Combine(directory, FileName)) is { } text
        && long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var until)
        && now.ToUnixTimeSeconds() < until;

    public static void Pause(string directory, DateTimeOffset until) =>
        PrivateFile.Write(Path.Combine(directory, FileName), until.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

    public static void Resume(string directory) => File.Delete(Path.Combine(directory, FileName));
}
