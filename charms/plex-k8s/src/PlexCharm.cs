using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Model;

namespace Charmarr.PlexK8s;

/// <summary>The Plex Media Server charm. Its reconciler arrives with the plex-k8s issue; until then it reports that honestly.</summary>
internal sealed class PlexCharm : CharmBase
{
    public PlexCharm(CharmFramework framework)
        : base(framework)
    {
        Observe<CollectUnitStatusEvent>(e => e.AddStatus(Status.Blocked("plex-k8s is not implemented yet")));
    }
}
