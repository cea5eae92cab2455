using System.Text;
using Charmarr.Ops.FakeJuju.Tools;

namespace Charmarr.Ops.FakeJuju.Driver;

/// A directory of `sh` shims, one per tool name, each running this assembly with the tool name first.
public static class ShimDirectory
{
    public static IReadOnlyCollection<string> ToolNames => ToolRegistry.Names;

    public static string ToolAssemblyPath => typeof(ShimDirectory).Assembly.Location;

    public static string Write(string directory)
    {
        directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(directory);
        foreach (var tool in ToolRegistry.Names)
        {
            var path = Path.Combine(directory, tool);
            var script = new StringBuilder()
                .Append("#!/bin/sh\n")
                .Append("exec dotnet \"").Append(ToolAssemblyPath).Append("\" ").Append(tool).Append(" \"$@\"\n")
                .ToString();
            File.WriteAllText(path, script);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }
        }
        return directory;
    }
}
