using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Hosting;
using Charmarr.Ops.Kubernetes;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;
using Microsoft.Extensions.DependencyInjection;

namespace Charmarr.Ops.Testing.Tests.Harness;

/// <summary>What the probe charm saw; a singleton the tests read and steer.</summary>
internal sealed class ProbeLog
{
    public List<string> Events { get; } = [];

    /// <summary>Runs inside every recorded event's handler, with the dispatch's model.</summary>
    public Action<CharmModel, CharmEvent>? During { get; set; }

    /// <summary>How many charm instances were built (one per dispatch).</summary>
    public int Instances { get; set; }
}

/// <summary>A charm that records every event it gets (with its remote or departing unit) and does a little real work.</summary>
internal sealed class ProbeCharm : CharmBase
{
    public const string Metadata = """
        name: probe
        type: charm
        summary: probe
        description: probe
        containers:
          web:
            resource: web-image
            mounts:
              - storage: data
                location: /srv/data
        resources:
          web-image:
            type: oci-image
            upstream-source: nginx:1.27
        storage:
          data:
            type: filesystem
            location: /var/lib/probe
        requires:
          db:
            interface: probe_db
        peers:
          peers:
            interface: probe_peers
        config:
          options:
            mode:
              type: string
              default: quiet
            replicas:
              type: int
            ratio:
              type: float
            debug:
              type: boolean
              default: false
        actions:
          reconcile:
            description: Mounts the data PVC into the web container.
          fail-me:
            description: Fails.
          sum:
            description: Adds numbers.
            params:
              a:
                type: integer
              b:
                type: integer
                default: 10
              labels:
                type: array
              colour:
                type: string
                enum: [red, green]
            required: [a]
            additionalProperties: false
        """;

    public ProbeCharm(CharmFramework framework, ProbeLog log, StatefulSetReconciler statefulSet)
        : base(framework)
    {
        log.Instances++;
        void Record(CharmEvent e)
        {
            var who = e switch
            {
                RelationDepartedEvent d => $"({d.Unit?.Name}→{d.DepartingUnit?.Name})",
                RelationEvent r when r.Unit is { } unit => $"({unit.Name})",
                _ => "",
            };
            log.Events.Add(e.Name + who);
            log.During?.Invoke(Model, e);
        }

        ObserveReconcile(Record);
        Observe<StopEvent>(Record);
        Observe<SecretRotateEvent>(Record);
        Observe<SecretExpiredEvent>(Record);
        Observe<SecretRemoveEvent>(Record);
        Observe<StorageDetachingEvent>(Record);
        Observe<PebbleReadyEvent>("web", OnWebReady);
        Observe<CollectUnitStatusEvent>(e => e.AddStatus(Status.Active($"{log.Events.Count} events seen")));
        ObserveAction("reconcile", async e =>
        {
            var spec = new StatefulSetSpec("web");
            spec.Volumes.Add(StatefulSetVolume.Pvc("media", "media-claim", "/media"));
            var result = await statefulSet.ReconcileAsync(spec);
            e.SetResults(new Dictionary<string, string> { ["changed"] = result.Changed ? "yes" : "no" });
        });
        ObserveAction("fail-me", e => e.Fail("asked to fail"));
        ObserveAction("sum", e =>
        {
            var p = e.Parameters;
            e.SetResults(new Dictionary<string, string> { ["total"] = ((long)p["a"]! + (long)p["b"]!).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        });
    }

    public static Action<CharmAppBuilder> Configure(ProbeLog log) => builder => builder.ConfigureServices(s => s.AddSingleton(log));

    public static CharmMetadata ParsedMetadata() => CharmMetadata.ParseCharmcraft(Metadata);

    private static async Task OnWebReady(PebbleReadyEvent e)
    {
        await e.Workload.AddLayerAsync("web", PebbleLayer.Parse("""
            summary: web
            services:
              nginx:
                override: replace
                command: nginx -g 'daemon off;'
                startup: enabled
            """), combine: true);
        await e.Workload.ReplanAsync();
        await e.Workload.PushTextAsync("/tmp/ready", "yes");
    }
}
