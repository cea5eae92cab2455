using Charmarr.Bench.Report;

namespace Charmarr.Bench.Hooks;

/// <summary>The size of the .charm (target ≤ 6 MB, issue 20) and of the native binary it holds.</summary>
internal static class CharmSize
{
    private const double TargetMb = 6;

    public static IReadOnlyList<Figure> Measure(string charm, string unpackedDirectory)
    {
        var size = new FileInfo(charm).Length;
        var binary = NativeBinary(unpackedDirectory);
        return
        [
            new Figure(".charm", "size (zip)", ReportTable.Megabytes(size), Target.AtMost(size / 1e6, TargetMb, "MB")),
            new Figure(".charm", $"native binary {binary.Name}", ReportTable.Megabytes(binary.Length)),
        ];
    }

    // The executable dispatch execs: the one file besides dispatch with an execute bit.
    public static FileInfo NativeBinary(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles()
            .Where(f => f.Name != "dispatch" && (f.UnixFileMode & UnixFileMode.UserExecute) != 0)
            .OrderByDescending(f => f.Length)
            .FirstOrDefault() ?? throw new BenchException($"the .charm holds no executable besides dispatch (in {directory}); pack it with charmarr pack");
}
