using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Charmarr.Ops.Tracing;
using k8s;
using k8s.Exceptions;

namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// The production <see cref="IStatefulSetApi"/>: the pod's service account in a cluster (<see cref="InCluster"/>), as the
/// official client (<c>KubernetesClient.Aot</c>) configures it, or an explicit API server (<see cref="ForHost"/>).
/// Requests and replies stay raw JSON: nothing is lost to a typed model, and a charm's binary does not carry the
/// client's serializers for every Kubernetes type (half of its size, and of its start-up memory).
/// Errors become <see cref="KubernetesException"/>s; nothing is retried here.
/// </summary>
public sealed class KubernetesStatefulSetApi : IStatefulSetApi, IDisposable
{
    /// <summary>The field manager the API server records for the charm's patches.</summary>
    public const string FieldManager = "charmarr-ops";

    /// <summary>The environment variable that points <see cref="InCluster"/> at another API server without credentials (a
    /// local simulation such as <c>charmarr simulate</c>, or <c>kubectl proxy</c>) instead of the pod's service account.</summary>
    public const string ApiServerVariable = "CHARMARR_KUBERNETES_API";

    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    private readonly KubernetesHttp http;

    internal KubernetesStatefulSetApi(KubernetesClientConfiguration configuration)
    {
        http = new KubernetesHttp(configuration);
    }

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
    public Task<JsonObject> GetAsync(string namespaceName, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespaceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var request = new HttpRequestMessage(HttpMethod.Get, http.Resolve(PatchContentTypes.StatefulSetPath(namespaceName, name)));
        return SendAsync(request, "get", namespaceName, name, cancellationToken);
    }

    /// <inheritdoc />
    public Task<JsonObject> PatchAsync(
        string namespaceName, string name, StatefulSetPatchKind kind, string body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespaceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(body);
        var path = $"{PatchContentTypes.StatefulSetPath(namespaceName, name)}?fieldManager={FieldManager}";
        var request = new HttpRequestMessage(HttpMethod.Patch, http.Resolve(path))
        {
            Content = new StringContent(body, Encoding.UTF8, PatchContentTypes.For(kind)),
        };
        return SendAsync(request, "patch", namespaceName, name, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private async Task<JsonObject> SendAsync(
        HttpRequestMessage request, string verb, string namespaceName, string name, CancellationToken cancellationToken)
    {
        using var span = CharmActivities.StartKubernetes(verb, "statefulsets");
        try
        {
            return await SendCoreAsync(request, verb, namespaceName, name, cancellationToken);
        }
        catch (Exception e) when (span is not null)
        {
            CharmActivities.Fail(span, e);
            throw;
        }
    }

    private async Task<JsonObject> SendCoreAsync(
        HttpRequestMessage request, string verb, string namespaceName, string name, CancellationToken cancellationToken)
    {
        using (request)
        {
            request.Headers.Accept.Add(Json);
            try
            {
                await http.AuthorizeAsync(request, cancellationToken);
            }
            catch (Exception e) when (TokenUnreadable(e) is { } cause)
            {
                throw new KubernetesException(
                    $"Cannot read the pod's service account token to {verb} StatefulSet {namespaceName}/{name}: {cause.Message}", e);
            }

            string body;
            int status;
            try
            {
                using var response = await http.Client.SendAsync(request, cancellationToken);
                status = (int)response.StatusCode;
                body = await response.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
            {
                throw new KubernetesException(
                    $"The Kubernetes API's answer to {verb} StatefulSet {namespaceName}/{name} was larger than {KubernetesHttp.MaxAnswerBytes / (1024 * 1024)} MiB, so the charm did not read it.",
                    e);
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                // IOException: the connection broke while the reply was being read.
                throw KubernetesErrors.Unreachable(verb, namespaceName, name, e);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                // The client's own time-out, not the caller's cancellation.
                throw KubernetesErrors.Unreachable(verb, namespaceName, name, e);
            }

            if (status is < 200 or > 299)
            {
                throw KubernetesErrors.FromStatus(status, body, verb, namespaceName, name);
            }

            return ParseStatefulSet(body, namespaceName, name);
        }
    }

    // The official token provider reads the file synchronously and surfaces its failure wrapped in an AggregateException.
    private static Exception? TokenUnreadable(Exception e) => e switch
    {
        IOException or UnauthorizedAccessException => e,
        AggregateException { InnerException: IOException or UnauthorizedAccessException } a => a.InnerException,
        _ => null,
    };

    private static JsonObject ParseStatefulSet(string body, string namespaceName, string name)
    {
        try
        {
            return HookTools.StrictJson.Parse(body) as JsonObject
                ?? throw new KubernetesException($"The Kubernetes API returned no StatefulSet for {namespaceName}/{name}.");
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            // ArgumentException: a repeated key; InvalidOperationException: a string that is not valid UTF-16.
            throw new KubernetesException($"The Kubernetes API answered for StatefulSet {namespaceName}/{name} with something that is not valid JSON: {e.Message}", e);
        }
    }
}
