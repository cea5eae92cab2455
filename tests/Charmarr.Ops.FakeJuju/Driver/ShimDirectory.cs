using System.Text;
using Charmarr.Ops.FakeJuju.Tools;

namespace Charmarr.Ops.FakeJuju.Driver;

/// A directory of `sh` shims, one per tool name, each running this assembly with the tool name first.
public static class ShimDirectory
{
    public static IReadOnlyCollection<string> ToolNames => ToolRegistry.Names;

    public static string ToolAssemblyPath => typeof(ShimDirectory).Assembly.Location;

    /// Writes a shim for every tool of Juju <paramref name="juju"/> (default 3.6: all of them); Juju 4 has no
    /// leader-get/leader-set, so a charm calling one finds no such command, as on a real 4.x unit.
    public static string Write(string directory, Charmarr.Ops.Context.JujuVersion? juju = null)
    {
        directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(directory);
        foreach (var tool in juju is null ? ToolRegistry.Names : ToolRegistry.NamesFor(juju))
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
