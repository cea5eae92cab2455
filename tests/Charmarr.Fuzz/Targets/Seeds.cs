namespace Charmarr.Fuzz.Targets;

/// <summary>The golden examples under Seeds/ (copied beside the assembly).</summary>
internal static class SeedFiles
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seeds", name));

    public static IReadOnlyList<string> Yaml { get; } = ["---", "- ", ": ", "{", "}", "[", "]", "\n  ", "\n    ", "!!int ", "!!map ", "&x ", "*x", "<<: *x", "? [a]\n: b", "null", "~", "''", "\"\\u0085\"", "\"\\t x \\t\"", "|\n  x", ">\n  y", "99999999999999h", "9223372036854775807", "1e309", "-1", "0x1F", "0o17", "0.5", "yes", "on", "\t", "\u0085", "\u2028", "\ufeff", "\ud800", "\u0000", "%TAG ! tag:x,2000:\n---\n", "...\n", "# c\n", "'a''b'", "override: ", "command: ", "services:\n", "checks:\n", "log-targets:\n", "period: ", "timeout: ", "kill-delay: ", "backoff-delay: ", "threshold: ", "user-id: ", "type: ", "default: ", "interface: ", "limit: "];
}
