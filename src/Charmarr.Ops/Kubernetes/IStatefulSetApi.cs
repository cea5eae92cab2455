using System.Text.Json.Nodes;

namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// The two calls the StatefulSet helper makes to the Kubernetes API, as JSON documents. Production talks to the
/// API server (<see cref="KubernetesStatefulSetApi"/>); the Testing package simulates it in process and over HTTP.
/// </summary>
/// <remarks>
/// Implementations do not retry: they report each failure as a <see cref="KubernetesException"/> (or one of its
/// subclasses) and leave retrying to <see cref="StatefulSetReconciler"/>.
/// </remarks>
public interface IStatefulSetApi
{
    /// <summary>Reads a StatefulSet.</summary>
    /// <param name="namespaceName">Its namespace (the Juju model's name).</param>
    /// <param name="name">Its name (the Juju application's name).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The StatefulSet as the API server returned it.</returns>
    /// <exception cref="KubernetesException">The API refused or failed the call, or could not be reached.</exception>
    Task<JsonObject> GetAsync(string namespaceName, string name, CancellationToken cancellationToken = default);

    /// <summary>Patches a StatefulSet.</summary>
    /// <param name="namespaceName">Its namespace (the Juju model's name).</param>
    /// <param name="name">Its name (the Juju application's name).</param>
    /// <param name="kind">The kind of patch, which sets the request's content type.</param>
    /// <param name="body">The patch document, as JSON text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The StatefulSet after the patch.</returns>
    /// <exception cref="KubernetesException">The API refused or failed the call, or could not be reached.</exception>
    Task<JsonObject> PatchAsync(
        string namespaceName, string name, StatefulSetPatchKind kind, string body, CancellationToken cancellationToken = default);
}
