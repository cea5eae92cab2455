using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Charmarr.Ops.Kubernetes;

namespace Charmarr.Ops.Testing.Kubernetes;

/// <summary>
/// A simulated Kubernetes API for StatefulSets, with two faces over one state: <see cref="Api"/>, an in-process
/// <see cref="IStatefulSetApi"/> for Harness tests, and <see cref="StartServer"/>, an HTTP server on a loopback port
/// that the real Kubernetes client can be pointed at. It serves <c>GET</c> and <c>PATCH</c> (strategic merge, JSON
/// patch, merge patch) of <c>/apis/apps/v1/namespaces/{namespace}/statefulsets/{name}</c>, validates the result like
/// the API server, answers errors with <c>Status</c> bodies, records every request, and fails requests on demand.
/// </summary>
public sealed partial class KubernetesSimulator
{
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(int StatusCode, string? Method)> _faults = [];
    private readonly List<(int StatusCode, string? Method)> _persistentFaults = [];
    private readonly List<(string? Method, Action<StatefulSetStore> Action)> _interjections = [];

    /// <summary>Creates a simulator with an empty store.</summary>
    public KubernetesSimulator()
    {
        Api = new InProcessStatefulSetApi(this);
    }

    /// <summary>The StatefulSets the simulated API serves.</summary>
    public StatefulSetStore StatefulSets { get; } = new();

    /// <summary>The in-process face: the same API without HTTP, raising the same exceptions as the production client.</summary>
    public IStatefulSetApi Api { get; }

    /// <summary>How many requests were recorded since the simulator was created (not reset by <see cref="ClearRequests"/>).</summary>
    internal int RecordedTotal { get; private set; }

    /// <summary>Every request received so far, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (StatefulSets.Sync)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>Forgets the requests received so far.</summary>
    public void ClearRequests()
    {
        lock (StatefulSets.Sync)
        {
            _requests.Clear();
        }
    }

    /// <summary>Makes the next requests fail with <paramref name="statusCode"/> and the API server's usual <c>Status</c> body for it.</summary>
    /// <param name="statusCode">The status, e.g. 403, 409, 429, 500.</param>
    /// <param name="times">How many requests to fail.</param>
    /// <param name="method">Only requests with this method (e.g. <c>PATCH</c>); any when <see langword="null"/>.</param>
    public void FailNext(int statusCode, int times = 1, string? method = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (StatefulSets.Sync)
        {
            _faults.AddRange(Enumerable.Repeat((statusCode, method), times));
        }
    }

    /// <summary>Makes every request (with <paramref name="method"/>) fail with <paramref name="statusCode"/> until
    /// <see cref="ClearFaults"/>: a fault that lasts, such as missing trust (403) or an API server that keeps erroring.</summary>
    /// <param name="statusCode">The status, e.g. 403, 500.</param>
    /// <param name="method">Only requests with this method (e.g. <c>PATCH</c>); any when <see langword="null"/>.</param>
    public void FailAlways(int statusCode, string? method = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        lock (StatefulSets.Sync)
        {
            _persistentFaults.Add((statusCode, method));
        }
    }

    /// <summary>Whether the API server is unreachable: while set, every in-process request fails with
    /// <see cref="KubernetesConnectionException"/> (as the production client reports a refused connection) and is not
    /// recorded, since it never reached the server. Until <see cref="ClearFaults"/> or set back to false.</summary>
    public bool IsUnreachable { get; set; }

    /// <summary>Ends every fault: queued <see cref="FailNext"/> ones, <see cref="FailAlways"/> and <see cref="IsUnreachable"/>.</summary>
    public void ClearFaults()
    {
        lock (StatefulSets.Sync)
        {
            _faults.Clear();
            _persistentFaults.Clear();
            IsUnreachable = false;
        }
    }

    /// <summary>Runs <paramref name="action"/> on the store just before the next request (with <paramref name="method"/>) is handled: another client's change, made between two of the charm's calls.</summary>
    /// <param name="method">The method of the request to run before, e.g. <c>PATCH</c>; any when <see langword="null"/>.</param>
    /// <param name="action">The change.</param>
    public void BeforeNext(string? method, Action<StatefulSetStore> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (StatefulSets.Sync)
        {
            _interjections.Add((method, action));
        }
    }

    /// <summary>Starts the HTTP face on a free loopback port.</summary>
    /// <returns>The server; dispose it to stop it.</returns>
    public KubernetesApiServer StartServer() => KubernetesApiServer.Start(this);

    /// <summary>Handles one request from either face.</summary>
    internal SimulatedResponse Handle(SimulatedRequest request)
    {
        lock (StatefulSets.Sync)
        {
            if (Take(_interjections, i => i.Method, request.Method) is { } interjection)
            {
                interjection.Action(StatefulSets);
            }

            var response = Route(request);
            RecordedTotal++;
            _requests.Add(new RecordedRequest(request.Method, request.Path, request.Query, request.ContentType, request.Body, response.StatusCode));
            return response;
        }
    }

    /// <summary>Removes and returns the first queued item meant for <paramref name="method"/> (or for any method).</summary>
    private static T? Take<T>(List<T> queue, Func<T, string?> methodOf, string method)
        where T : struct
    {
        var index = queue.FindIndex(item => methodOf(item) is not { } only || only == method);
        if (index < 0)
        {
            return null;
        }

        var item = queue[index];
        queue.RemoveAt(index);
        return item;
    }

    private SimulatedResponse Route(SimulatedRequest request)
    {
        var match = StatefulSetPath().Match(request.Path);
        if (!match.Success)
        {
            return KubernetesStatus.Failure(404, "the server could not find the requested resource");
        }

        var namespaceName = Uri.UnescapeDataString(match.Groups["ns"].Value);
        var name = Uri.UnescapeDataString(match.Groups["name"].Value);
        var verb = request.Method.ToLowerInvariant();
        var fault = Take(_faults, f => f.Method, request.Method)
            ?? _persistentFaults.Where(f => f.Method is null || f.Method == request.Method).Select(f => ((int, string?)?)f).FirstOrDefault();
        if (fault is { } injected)
        {
            return KubernetesStatus.Injected(injected.Item1, verb, namespaceName, name);
        }

        if (StatefulSets.Find(namespaceName, name) is not { } current)
        {
            return KubernetesStatus.Injected(404, verb, namespaceName, name);
        }

        return request.Method switch
        {
            "GET" => new SimulatedResponse(200, current.ToJsonString()),
            "PATCH" => Patch(current, namespaceName, name, request),
            _ => KubernetesStatus.Failure(405, $"the server does not allow this method on the requested resource ({request.Method})", name),
        };
    }

    private SimulatedResponse Patch(JsonObject current, string namespaceName, string name, SimulatedRequest request)
    {
        if (!PatchContentTypes.TryParse(request.ContentType, out var kind))
        {
            return KubernetesStatus.Failure(415, $"the body of the request was in an unknown format - accepted media types include: "
                + $"{PatchContentTypes.Json}, {PatchContentTypes.Merge}, {PatchContentTypes.StrategicMerge} (got {request.ContentType ?? "none"})");
        }

        JsonObject updated;
        try
        {
            var body = request.Body ?? string.Empty;
            updated = kind switch
            {
                StatefulSetPatchKind.StrategicMerge => StrategicMergePatch.Apply(current, body),
                StatefulSetPatchKind.Json => JsonPatch.Apply(current, body) as JsonObject,
                _ => JsonMergePatch.Apply(current, body) as JsonObject,
            } ?? throw new PatchException("the patched document is not an object");
        }
        catch (PatchException e)
        {
            return KubernetesStatus.Failure(e.StatusCode, e.Message, name);
        }

        if (updated["metadata"]?["name"]?.ToString() != name || updated["metadata"]?["namespace"]?.ToString() != namespaceName)
        {
            return KubernetesStatus.Failure(400, $"the name or namespace of the object does not match the URL ({namespaceName}/{name})", name);
        }

        if (updated["metadata"]?["resourceVersion"]?.ToString() is { } version && version != current["metadata"]?["resourceVersion"]?.ToString())
        {
            return KubernetesStatus.Injected(409, "patch", namespaceName, name);
        }

        var errors = StatefulSetValidator.Validate(updated);
        if (errors.Count > 0)
        {
            return KubernetesStatus.Failure(422, $"StatefulSet.apps \"{name}\" is invalid: {string.Join(", ", errors)}", name);
        }

        return new SimulatedResponse(200, StatefulSets.Commit(namespaceName, name, updated).ToJsonString());
    }

    [GeneratedRegex("^/apis/apps/v1/namespaces/(?<ns>[^/]+)/statefulsets/(?<name>[^/]+)$")]
    private static partial Regex StatefulSetPath();
}
