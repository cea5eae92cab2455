namespace Charmarr.Cli.Simulation.RealPebble;

/// <summary>
/// The <c>bwrap</c> arguments that run a container's Pebble in its private root: the root read-write at <c>/</c>, the
/// host's <c>/usr</c> (and the merged-/usr links or directories <c>/bin</c>, <c>/lib</c>, …) read-only, private
/// <c>/dev</c>, <c>/proc</c> and <c>/tmp</c>, its own network (loopback only), PID, IPC and UTS namespaces, and a clean
/// environment. A stand-in whose path falls inside a read-only host tree gets a hole there: that tree is bound entry by
/// entry down to the stand-in's directory, which lives in the root.
/// </summary>
internal static class SandboxArguments
{
    private static readonly string[] HostTrees = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    /// <summary>The arguments, then <paramref name="command"/>.</summary>
    /// <param name="root">The container's root on the host.</param>
    /// <param name="hostname">The container's hostname (the pod's).</param>
    /// <param name="readOnlyBinds">Host paths bound read-only at container paths (Pebble, the stand-ins, the runtime they use).</param>
    /// <param name="socketDirectory">The host directory bound at <see cref="ContainerRoot.SocketDirectory"/>.</param>
    /// <param name="command">What to run inside.</param>
    /// <returns>The argument list.</returns>
    public static List<string> Build(string root, string hostname, IReadOnlyList<(string Host, string Container)> readOnlyBinds, string socketDirectory, IReadOnlyList<string> command)
    {
        var holes = readOnlyBinds.Select(b => b.Container).ToHashSet(StringComparer.Ordinal);
        var args = new List<string> { "--bind", root, "/" };
        foreach (var tree in HostTrees)
        {
            var info = new DirectoryInfo(tree);
            if (info.LinkTarget is { } target)
            {
                args.AddRange(["--symlink", target, tree]);
            }
            else if (info.Exists)
            {
                BindTree(args, info, holes);
            }
        }

        args.AddRange(["--dev", "/dev", "--proc", "/proc", "--perms", "1777", "--tmpfs", "/tmp"]);
        foreach (var (host, container) in readOnlyBinds)
        {
            args.AddRange(["--ro-bind", host, container]);
        }

        args.AddRange(["--bind", socketDirectory, ContainerRoot.SocketDirectory]);
        args.AddRange(["--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--hostname", hostname]);
        args.AddRange([
            "--clearenv",
            "--setenv", "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "--setenv", "LANG", "C.UTF-8",
            "--setenv", "PEBBLE", ContainerRoot.StateDirectory,
            "--setenv", "PEBBLE_SOCKET", $"{ContainerRoot.SocketDirectory}/pebble.socket",
            "--chdir", "/",
        ]);
        args.AddRange(command);
        return args;
    }

    // Read-only, whole when no stand-in lies inside; otherwise entry by entry, descending towards the stand-ins.
    private static void BindTree(List<string> args, DirectoryInfo directory, HashSet<string> holes)
    {
        var prefix = directory.FullName.TrimEnd('/') + "/";
        if (!holes.Any(h => h.StartsWith(prefix, StringComparison.Ordinal)))
        {
            args.AddRange(["--ro-bind", directory.FullName, directory.FullName]);
            return;
        }

        foreach (var entry in directory.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (holes.Contains(entry.FullName))
            {
                continue;
            }

            if (entry.LinkTarget is { } target)
            {
                args.AddRange(["--symlink", target, entry.FullName]);
            }
            else if (entry is DirectoryInfo subdirectory)
            {
                BindTree(args, subdirectory, holes);
            }
            else
            {
                args.AddRange(["--ro-bind", entry.FullName, entry.FullName]);
            }
        }
    }
}
