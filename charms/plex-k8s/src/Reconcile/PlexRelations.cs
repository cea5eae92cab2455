using Charmarr.Interfaces.IstioIngressRoute;
using Charmarr.Interfaces.MediaServer;
using Charmarr.Interfaces.MediaStorage;

namespace Charmarr.PlexK8s.Reconcile;

/// <summary>The charm's relation interfaces, made once per dispatch by the charm (they observe their endpoints).</summary>
/// <param name="MediaStorage">media-storage: the shared volume (required).</param>
/// <param name="MediaServer">media-server: Plex's URL for request managers.</param>
/// <param name="Ingress">ingress: the Istio gateway route (optional).</param>
internal sealed record PlexRelations(MediaStorageRequirer MediaStorage, MediaServerProvider MediaServer, IstioIngressRouteRequirer Ingress);
