using System.Globalization;

namespace Charmarr.Bench.Measurement;

/// <summary>
/// Measures a hook's peak resident set size by running the charm's binary under GNU time (its <c>%M</c> is the
/// kernel's <c>ru_maxrss</c> from <c>wait4</c>). The charm's <c>dispatch</c> is swapped for one that execs the binary
/// under <c>/usr/bin/time</c> only while <see cref="Wrap"/>'s scope is open, so the wall-time runs stay unwrapped.
/// </summary>
internal sealed class PeakRssProbe
{
    public const string GnuTime = "/usr/bin/time";
    private const string ExecMarker = "exec ./";

    private PeakRssProbe(string reportFile) => ReportFile = reportFile;

    /// <summary>Where GNU time writes the figure of the latest wrapped run.</summary>
    public string ReportFile { get; }

    /// <summary>A probe, or <see langword="null"/> when GNU time is not installed (<c>apt-get install time</c>).</summary>
    public static PeakRssProbe? TryCreate(string workDirectory) =>
        File.Exists(GnuTime) ? new PeakRssProbe(Path.Combine(workDirectory, "maxrss.txt")) : null;

    /// <summary>Replaces the charm's dispatch with a GNU-time-wrapped one until the result is disposed.</summary>
    public IDisposable Wrap(string charmDirectory)
    {
        var dispatch = Path.Combine(charmDirectory, "dispatch");
        var original = File.ReadAllText(dispatch);
        if (!original.Contains(ExecMarker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{dispatch} does not '{ExecMarker}<binary>', so the benchmark cannot wrap it; pack the charm with charmarr pack");
        }

        File.WriteAllText(dispatch, original.Replace(ExecMarker, $"exec {GnuTime} -f %M -o '{ReportFile}' ./", StringComparison.Ordinal));
        return new Restore(dispatch, original);
    }

    /// <summary>The peak RSS of the latest wrapped run, in bytes (GNU time reports KiB).</summary>
    public long ReadBytes()
    {
        var kibibytes = File.ReadAllLines(ReportFile).Last(l => l.Length > 0).Trim();
        return long.Parse(kibibytes, CultureInfo.InvariantCulture) * 1024;
    }

    private sealed class Restore(string dispatch, string original) : IDisposable
    {
        public void Dispose() => File.WriteAllText(dispatch, original);
    }
}
