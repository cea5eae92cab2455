using Charmarr.Cli.Simulation;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.PlexK8s.Workload;

namespace Charmarr.Bench.Hooks;

/// <summary>
/// An emulated plex-k8s unit brought to where its hooks do their full work: leader, media storage related, Plex's
/// layer planned and its readiness check up, Preferences.xml written. Plex and plex.tv are canned loopback fakes.
/// </summary>
internal static class PlexDeployment
{
    private const string MachineIdentifier = "4f1c2d3e5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d";

    /// <summary>The deploy story (the Python ops peer is brought up by the same one).</summary>
    public const string Story = """
        leader: true
        fakes:
          - name: plex
            url-env: CHARMARR_PLEX_URL
            routes:
              - {method: GET, path: /identity, status: 200, content-type: application/xml, body: '<MediaContainer size="0" claimed="1" machineIdentifier="4f1c2d3e5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d"/>'}
          - name: plex.tv
            url-env: CHARMARR_PLEX_TV_URL
            routes:
              - {method: POST, path: /api/claim/exchange, status: 200, content-type: application/xml, body: '<user authenticationToken="bench-online-token"/>'}
        steps:
          - event: install
          - event: leader-elected
          - relate: {endpoint: media-storage, app: charmarr-storage, units: [charmarr-storage/0]}
          - remote-data: {endpoint: media-storage, app: {config: '{"pvc_name":"charmarr-shared-media","mount_path":"/data","puid":1000,"pgid":1000}'}}
          - event: media-storage-relation-changed
          - event: config-changed
          - event: start
          - pebble-ready: plex
        """;

    private const string PlexReady = """
        steps:
          - check-recovered: {container: plex, check: plex-ready}
        """;

    private const string Preferences =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Preferences ProcessedMachineIdentifier=\"" + MachineIdentifier + "\" AcceptedEULA=\"1\"/>\n";

    /// <summary>The events measured: a label and the one-step scenario that fires it.</summary>
    public static IReadOnlyList<HookEvent> Events { get; } =
    [
        new("config-changed", "event: config-changed"),
        new("update-status", "event: update-status"),
        new("media-storage-relation-changed", "event: media-storage-relation-changed"),
        new("plex-pebble-ready", "pebble-ready: plex"),
        new("claim-server (action)", "action: {name: claim-server, params: {token: claim-benchmark0123, force: true}}"),
    ];

    public static async Task<BenchUnit> StartAsync(string charmDirectory, string shim)
    {
        var story = ScenarioReader.Parse(Story, "the benchmark's plex-k8s deploy story");
        var deployment = await BenchUnit.StartAsync(charmDirectory, story, shim);
        var plex = deployment.Unit.Containers[PlexWorkload.ContainerName];
        PlexImage.Prepare(plex);
        await deployment.PlayAsync(story);
        plex.WriteFile(PlexWorkload.PreferencesPath, Preferences, new FileCreation { UserId = 1000, GroupId = 1000, MakeParents = true });
        plex.ReportCheckSuccess(PlexWorkload.ReadyCheckName);
        await deployment.PlayAsync(ScenarioReader.Parse(PlexReady, "plex-ready"));
        return deployment;
    }
}
