namespace Charmarr.Cli.Simulation.RealPebble;

/// <summary>
/// A container's private root on the host: what an image would hold before the charm runs (account files naming root,
/// <c>/etc/hosts</c> for localhost, <c>/root</c>, <c>/run</c>), Pebble's state dir, and the directories on the way to
/// each stand-in, made 0755 so the workload's user can reach it.
/// </summary>
internal static class ContainerRoot
{
    /// <summary>Where Juju puts Pebble in a workload container.</summary>
    public const string PebbleBinary = "/charm/bin/pebble";

    /// <summary>Where the workload container sees the directory its Pebble socket is shared through (Juju's layout).</summary>
    public const string SocketDirectory = "/charm/container";

    /// <summary>Pebble's state dir (<c>$PEBBLE</c>) inside the root.</summary>
    public const string StateDirectory = "/var/lib/pebble/default";

    /// <summary>The stand-ins' scripts and specs inside the root.</summary>
    public const string StandInDirectory = "/charm/stand-in";

    private const UnixFileMode Directory755 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public static void Create(string root, IEnumerable<string> standInPaths)
    {
        MakeDirectory(root);
        foreach (var directory in new[] { "/etc", "/run", "/var/lib/pebble", "/charm/bin", SocketDirectory, StandInDirectory })
        {
            MakeDirectories(root, directory);
        }

        Directory.CreateDirectory(HostPath(root, "/root"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(HostPath(root, "/etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        File.WriteAllText(HostPath(root, "/etc/group"), "root:x:0:\n");
        File.WriteAllText(HostPath(root, "/etc/hosts"), "127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n");
        foreach (var path in standInPaths)
        {
            MakeDirectories(root, Path.GetDirectoryName(path)!);
        }
    }

    /// <summary>The host path of <paramref name="containerPath"/> in the root.</summary>
    public static string HostPath(string root, string containerPath) => Path.Combine(root, containerPath.TrimStart('/'));

    private static void MakeDirectories(string root, string containerPath)
    {
        var path = root;
        foreach (var part in containerPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path = Path.Combine(path, part);
            MakeDirectory(path);
        }
    }

    private static void MakeDirectory(string path)
    {
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, Directory755);
    }
}
