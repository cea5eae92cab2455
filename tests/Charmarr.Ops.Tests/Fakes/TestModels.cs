using Charmarr.Ops.Context;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Model;

namespace Charmarr.Ops.Tests.Fakes;

/// <summary>A small charm's metadata and a way to build a <see cref="CharmModel"/> over a <see cref="FakeJujuBackend"/>.</summary>
internal static class TestModels
{
    public const string UnitName = "plex/0";

    public const string CharmcraftYaml = """
        name: plex
        summary: Plex media server
        requires:
          db:
            interface: postgresql
          media:
            interface: media_storage
        provides:
          website:
            interface: http
        peers:
          cluster:
            interface: plex_peers
        containers:
          plex:
            resource: plex-image
        storage:
          data:
            type: filesystem
            location: /data
        resources:
          plex-image:
            type: oci-image
        config:
          options:
            port:
              type: int
              default: 32400
            ratio:
              type: float
            debug:
              type: boolean
            server-name:
              type: string
            password:
              type: secret
        actions:
          claim-server:
            description: Claims the server.
        """;

    public static CharmMetadata Metadata { get; } = CharmMetadata.ParseCharmcraft(CharmcraftYaml);

    public static JujuContext Context(string eventName = "config-changed", int? relationId = null, string? remoteApp = null) => new()
    {
        DispatchPath = $"hooks/{eventName}",
        Kind = DispatchKind.Hook,
        EventName = eventName,
        UnitName = UnitName,
        CharmDir = "/var/lib/juju/agents/unit-plex-0/charm",
        ModelName = "media",
        ModelUuid = "00000000-0000-0000-0000-000000000001",
        RelationId = relationId,
        RemoteApp = remoteApp,
    };

    public static CharmModel Model(FakeJujuBackend backend, JujuContext? context = null) =>
        new(backend, context ?? Context(), Metadata);
}
