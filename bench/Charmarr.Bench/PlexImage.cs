using Charmarr.Cli.Simulation;
using Charmarr.Ops.Testing.Pebble;

namespace Charmarr.Bench;

/// <summary>What the LinuxServer Plex image holds that plex-k8s's workload chores read and change, in a simulated container.
/// Its <c>chown</c> really changes owners (the simulated unit's): a no-op one would leave /config root's, and every
/// measured event would run the first deploy's recursive chown again.</summary>
internal static class PlexImage
{
    public static void Prepare(PebbleSimulator plex)
    {
        plex.MakeDirectory("/config", new FileCreation { UserId = 0, GroupId = 0 });
        plex.WriteFile("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n", new FileCreation { MakeParents = true });
        plex.WriteFile("/etc/group", "root:x:0:\n", new FileCreation { MakeParents = true });
        plex.HandleExec(["chown"], request => SimulatedChown.Run(plex, request));
    }
}
