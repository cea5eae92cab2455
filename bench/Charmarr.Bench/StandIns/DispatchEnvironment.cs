namespace Charmarr.Bench.StandIns;

/// <summary>
/// Records the environment a charm's <c>dispatch</c> is started with (what the emulated unit agent sets), by a first line
/// that writes it to a file before the charm runs, so the same event can be run again later with the same variables.
/// </summary>
internal static class DispatchEnvironment
{
    /// <summary>Makes <c>dispatch</c> write its environment to <paramref name="file"/> on each run, until the result is disposed.</summary>
    /// <param name="charmDirectory">The unpacked charm.</param>
    /// <param name="file">Where the environment goes (NUL-separated <c>NAME=value</c>).</param>
    /// <returns>Restores the original <c>dispatch</c>.</returns>
    public static IDisposable Record(string charmDirectory, string file)
    {
        var dispatch = Path.Combine(charmDirectory, "dispatch");
        var original = File.ReadAllText(dispatch);
        File.WriteAllText(dispatch, WithRecording(original, file));
        return new Restore(dispatch, original);
    }

    /// <summary><paramref name="dispatch"/> with a line after its <c>#!</c> line that writes the environment to <paramref name="file"/>.</summary>
    /// <param name="dispatch">The script.</param>
    /// <param name="file">The file.</param>
    /// <returns>The recording script.</returns>
    /// <exception cref="BenchException">The script does not start with a <c>#!</c> line.</exception>
    public static string WithRecording(string dispatch, string file)
    {
        var newline = dispatch.IndexOf('\n', StringComparison.Ordinal);
        if (!dispatch.StartsWith("#!", StringComparison.Ordinal) || newline < 0)
        {
            throw new BenchException("the charm's dispatch does not start with a #! line, so the benchmark cannot record its environment");
        }

        return string.Concat(dispatch.AsSpan(0, newline + 1), $"/usr/bin/env -0 > {StandInTools.Quote(file)}\n", dispatch.AsSpan(newline + 1));
    }

    /// <summary>Reads what <see cref="Record"/> wrote.</summary>
    /// <param name="file">The file.</param>
    /// <returns>The variables.</returns>
    public static Dictionary<string, string> Read(string file) => Parse(File.ReadAllText(file));

    /// <summary>Parses <c>env -0</c> output.</summary>
    /// <param name="text">NUL-separated <c>NAME=value</c> entries.</param>
    /// <returns>The variables.</returns>
    public static Dictionary<string, string> Parse(string text)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in text.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                variables[entry[..equals]] = entry[(equals + 1)..];
            }
        }

        return variables;
    }

    /// <summary>The same environment with <paramref name="toolDirectory"/> in place of the first <c>PATH</c> entry (the native
    /// shims' folder), so the stand-ins answer instead.</summary>
    /// <param name="recorded">The recorded environment.</param>
    /// <param name="toolDirectory">The stand-ins' folder.</param>
    /// <returns>The environment to run with.</returns>
    public static Dictionary<string, string> WithTools(IReadOnlyDictionary<string, string> recorded, string toolDirectory)
    {
        var environment = new Dictionary<string, string>(recorded, StringComparer.Ordinal);
        var path = recorded.TryGetValue("PATH", out var p) ? p : "";
        var rest = path.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? path[colon..] : ":/usr/bin:/bin";
        environment["PATH"] = toolDirectory + rest;
        return environment;
    }

    private sealed class Restore(string dispatch, string original) : IDisposable
    {
        public void Dispose() => File.WriteAllText(dispatch, original);
    }
}
