using System.Runtime.InteropServices;

namespace Charmarr.Bench;

/// <summary>What the figures depend on: cores, CPU, load at the end of the run, kernel and runtime.</summary>
internal static class MachineNotes
{
    public static string Describe()
    {
        var cpu = ReadOrUnknown("/proc/cpuinfo").Split('\n').FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var load = string.Join(' ', ReadOrUnknown("/proc/loadavg").Split(' ').Take(3));
        var kernel = ReadOrUnknown("/proc/sys/kernel/osrelease").Trim();
        return $"Machine: {Environment.ProcessorCount} cores ({cpu}), load average {load} (1/5/15 min), Linux {kernel}, {RuntimeInformation.FrameworkDescription}";
    }

    private static string ReadOrUnknown(string path) => File.Exists(path) ? File.ReadAllText(path) : "unknown";
}
