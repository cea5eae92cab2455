using Charmarr.Interfaces.IstioIngressRoute;
using Charmarr.Interfaces.MediaManager;
using Charmarr.Interfaces.MediaServer;
using Charmarr.Interfaces.MediaStorage;
using Charmarr.Ops.Events;

namespace Charmarr.Interfaces.Tests.Common;

/// <summary>Lets a test act inside a dispatch (on config-changed) and records the interface events the charm saw.</summary>
/// <typeparam name="TCharm">The charm under test.</typeparam>
internal sealed class Probe<TCharm>
{
    /// <summary>Runs during config-changed with the live charm.</summary>
    public Action<TCharm>? OnConfigChanged { get; set; }

    /// <summary>Runs when the charm observes a Changed event, with the live charm.</summary>
    public Action<TCharm, RelationInterfaceChangedEvent>? OnChanged { get; set; }

    /// <summary>How many times a charm loaded its Grafana dashboards (the COS test charm loads them lazily).</summary>
    public int DashboardLoads { get; set; }

    /// <summary>Endpoints whose Changed event should be deferred.</summary>
    public HashSet<string> DeferChangedOn { get; } = [];

    /// <summary>Every Changed event the charm observed: endpoint, relation id, broken, re-emitted.</summary>
    public List<(string Endpoint, int RelationId, bool IsBroken, bool IsReemitted)> Changed { get; } = [];

    public void Record(TCharm charm, RelationInterfaceChangedEvent e)
    {
        Changed.Add((e.Endpoint, e.RelationId, e.IsBroken, e.IsReemitted));
        OnChanged?.Invoke(charm, e);
        if (DeferChangedOn.Contains(e.Endpoint))
        {
            e.Defer();
        }
    }
}

/// <summary>A charm whose interface events and config-changed go to its <see cref="Probe{TCharm}"/>.</summary>
/// <typeparam name="TSelf">The charm class itself.</typeparam>
internal abstract class ProbedCharm<TSelf> : CharmBase
    where TSelf : ProbedCharm<TSelf>
{
    protected ProbedCharm(CharmFramework framework, Probe<TSelf> probe)
        : base(framework)
    {
        Observe<RelationInterfaceChangedEvent>(e => probe.Record((TSelf)this, e));
        Observe<ConfigChangedEvent>(_ => probe.OnConfigChanged?.Invoke((TSelf)this));
    }
}

/// <summary>
/// A charm with both sides of every interface. The requiring sides and the media-server provider use the default
/// endpoints (as plex-k8s does); the other providing sides and the media-server requirer use endpoints of their own.
/// </summary>
internal sealed class InterfacesCharm : ProbedCharm<InterfacesCharm>
{
    public const string Metadata = """
        name: plex
        requires:
          media-storage:
            interface: media_storage
            limit: 1
          media-manager:
            interface: media_manager
          istio-ingress-route:
            interface: istio_ingress_route
          watched-server:
            interface: media-server
            limit: 1
        provides:
          media-server:
            interface: media-server
          shared-storage:
            interface: media_storage
          library:
            interface: media_manager
        """;

    public InterfacesCharm(CharmFramework framework, Probe<InterfacesCharm> probe)
        : base(framework, probe)
    {
        Storage = new MediaStorageRequirer(this);
        Managers = new MediaManagerRequirer(this);
        Ingress = new IstioIngressRouteRequirer(this);
        Server = new MediaServerProvider(this);
        WatchedServer = new MediaServerRequirer(this, "watched-server");
        SharedStorage = new MediaStorageProvider(this, "shared-storage");
        Library = new MediaManagerProvider(this, "library");
    }

    public MediaStorageRequirer Storage { get; }

    public MediaManagerRequirer Managers { get; }

    public IstioIngressRouteRequirer Ingress { get; }

    public MediaServerProvider Server { get; }

    public MediaServerRequirer WatchedServer { get; }

    public MediaStorageProvider SharedStorage { get; }

    public MediaManagerProvider Library { get; }
}
