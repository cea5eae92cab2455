using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Exceptions;
using k8s.Models;

namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// The production <see cref="IStatefulSetApi"/>: the official Kubernetes client (<c>KubernetesClient.Aot</c>), with the
/// pod's service account in a cluster (<see cref="InCluster"/>) or an explicit API server (<see cref="ForHost"/>).
/// Errors become <see cref="KubernetesException"/>s; nothing is retried here.
/// </summary>
public sealed class KubernetesStatefulSetApi : IStatefulSetApi, IDisposable
{
    /// <summary>The field manager the API server records for the charm's patches.</summary>
    public const string FieldManager = "charmarr-ops";

    private readonly k8s.Kubernetes _client;

    private KubernetesStatefulSetApi(KubernetesClientConfiguration configuration)
    {
        _client = new k8s.Kubernetes(configuration);
    }

    /// <summary>The environment variable that points <see cref="InCluster"/> at another API server without credentials (a
    /// local simulation such as <c>charmarr simulate</c>, or <c>kubectl proxy</c>) instead of the pod's service account.</summary>
    public const string ApiServerVariable = "CHARMARR_KUBERNETES_API";

    /// <summary>Connects with the pod's service account, as a Kubernetes charm's container always can.</summary>
    /// <returns>The API.</returns>
    /// <exception cref="KubernetesException">Not running in a Kubernetes pod with a service account token.</exception>
    public static KubernetesStatefulSetApi InCluster()
    {
        if (Environment.GetEnvironmentVariable(ApiServerVariable) is { Length: > 0 } overridden)
        {
            return Uri.TryCreate(overridden, UriKind.Absolute, out var host)
                ? ForHost(host)
                : throw new KubernetesException($"{ApiServerVariable}={overridden} is not an absolute URL such as http://127.0.0.1:8001");
        }

        const string problem = "Cannot configure the Kubernetes client: this process is not in a Kubernetes pod with a mounted service account token";
        if (!KubernetesClientConfiguration.IsInCluster())
        {
            throw new KubernetesException($"{problem} (KUBERNETES_SERVICE_HOST/PORT and /var/run/secrets/kubernetes.io/serviceaccount).");
        }

        try
        {
            return new KubernetesStatefulSetApi(KubernetesClientConfiguration.InClusterConfig());
        }
        catch (KubeConfigException e)
        {
            throw new KubernetesException($"{problem}: {e.Message}", e);
        }
    }

    /// <summary>Connects to an explicit API server without credentials (a local proxy, or a simulator in tests).</summary>
    /// <param name="host">The API server's address, e.g. <c>http://127.0.0.1:8001</c>.</param>
    /// <returns>The API.</returns>
    public static KubernetesStatefulSetApi ForHost(Uri host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new KubernetesStatefulSetApi(new KubernetesClientConfiguration { Host = host.ToString() });
    }

    /// <inheritdoc />
    public async Task<JsonObject> GetAsync(string namespaceName, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespaceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return await CallAsync(
            "get", namespaceName, name, () => _client.AppsV1.ReadNamespacedStatefulSetAsync(name, namespaceName, cancellationToken: cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<JsonObject> PatchAsync(
        string namespaceName, string name, StatefulSetPatchKind kind, string body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespaceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(body);
        var patch = new V1Patch(body, kind switch
        {
            StatefulSetPatchKind.StrategicMerge => V1Patch.PatchType.StrategicMergePatch,
            StatefulSetPatchKind.Json => V1Patch.PatchType.JsonPatch,
            StatefulSetPatchKind.Merge => V1Patch.PatchType.MergePatch,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown patch kind."),
        });
        return await CallAsync(
            "patch",
            namespaceName,
            name,
            () => _client.AppsV1.PatchNamespacedStatefulSetAsync(patch, name, namespaceName, fieldManager: FieldManager, cancellationToken: cancellationToken),
            cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private static async Task<JsonObject> CallAsync(
        string verb, string namespaceName, string name, Func<Task<V1StatefulSet>> call, CancellationToken cancellationToken)
    {
        V1StatefulSet statefulSet;
        try
        {
            statefulSet = await call();
        }
        catch (HttpOperationException e)
        {
            throw KubernetesErrors.FromStatus((int)e.Response.StatusCode, e.Response.Content, verb, namespaceName, name, e);
        }
        catch (HttpRequestException e)
        {
            throw KubernetesErrors.Unreachable(verb, namespaceName, name, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // The client's own time-out, not the caller's cancellation.
            throw KubernetesErrors.Unreachable(verb, namespaceName, name, e);
        }

        return JsonNode.Parse(KubernetesJson.Serialize(statefulSet)) as JsonObject
            ?? throw new KubernetesException($"The Kubernetes API returned no StatefulSet for {namespaceName}/{name}.");
    }
}
