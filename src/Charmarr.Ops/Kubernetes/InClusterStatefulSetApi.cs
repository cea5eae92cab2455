using System.Text.Json.Nodes;

namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// The production <see cref="IStatefulSetApi"/> registered by default: connects through the pod's service account on
/// first use, so a charm that never touches Kubernetes in a dispatch (or runs outside a pod) pays nothing and fails
/// nothing; outside a pod every call throws <see cref="KubernetesException"/> saying so.
/// </summary>
internal sealed class InClusterStatefulSetApi : IStatefulSetApi, IDisposable
{
    private readonly Lazy<KubernetesStatefulSetApi> api = new(KubernetesStatefulSetApi.InCluster, LazyThreadSafetyMode.ExecutionAndPublication);

    public Task<JsonObject> GetAsync(string namespaceName, string name, CancellationToken cancellationToken = default) =>
        api.Value.GetAsync(namespaceName, name, cancellationToken);

    public Task<JsonObject> PatchAsync(string namespaceName, string name, StatefulSetPatchKind kind, string body, CancellationToken cancellationToken = default) =>
        api.Value.PatchAsync(namespaceName, name, kind, body, cancellationToken);

    public void Dispose()
    {
        if (api.IsValueCreated)
        {
            api.Value.Dispose();
        }
    }
}
