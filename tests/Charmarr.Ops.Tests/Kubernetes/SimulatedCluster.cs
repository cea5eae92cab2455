using System.Text.Json.Nodes;
using Charmarr.Ops.Kubernetes;
using Charmarr.Ops.Testing.Kubernetes;

namespace Charmarr.Ops.Tests.Kubernetes;

/// <summary>How a test reaches the simulator: in process, or with the real Kubernetes client over loopback HTTP.</summary>
public enum Face
{
    InProcess,
    Http,
}

/// <summary>
/// A simulated API server holding the Juju StatefulSet of the plex application (model <c>media</c>), and a reconciler
/// for it through one <see cref="Face"/>, whose retries wait for nothing and are recorded.
/// </summary>
internal sealed class SimulatedCluster : IAsyncDisposable
{
    public const string Namespace = "media";
    public const string App = "plex";

    private readonly KubernetesApiServer? _server;
    private readonly KubernetesStatefulSetApi? _client;

    private SimulatedCluster(Face face, JsonObject statefulSet, KubernetesRetryPolicy? retry)
    {
        Simulator.StatefulSets.Put(statefulSet);
        IStatefulSetApi api = Simulator.Api;
        if (face == Face.Http)
        {
            _server = Simulator.StartServer();
            _client = KubernetesStatefulSetApi.ForHost(_server.BaseAddress);
            api = _client;
        }

        var policy = (retry ?? KubernetesRetryPolicy.Default) with { Delay = (delay, _) => { Delays.Add(delay); return Task.CompletedTask; } };
        Api = api;
        Reconciler = new StatefulSetReconciler(api, Namespace, App, policy);
    }

    public static TheoryData<Face> Faces => new(Face.InProcess, Face.Http);

    public KubernetesSimulator Simulator { get; } = new();

    /// <summary>The API the reconciler uses: the simulator's own, or the production client over HTTP.</summary>
    public IStatefulSetApi Api { get; }

    public StatefulSetReconciler Reconciler { get; }

    /// <summary>The waits the reconciler asked for between attempts.</summary>
    public List<TimeSpan> Delays { get; } = [];

    public JsonObject StatefulSet => Simulator.StatefulSets.Get(Namespace, App)!;

    public JsonObject PodSpec => StatefulSet["spec"]!["template"]!["spec"]!.AsObject();

    public IReadOnlyList<RecordedRequest> Patches => Simulator.Requests.Where(r => r.Method == "PATCH").ToList();

    public static JsonObject JujuStatefulSet() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Kubernetes", "Fixtures", "juju-statefulset.json")))!.AsObject();

    public static SimulatedCluster Start(Face face, JsonObject? statefulSet = null, KubernetesRetryPolicy? retry = null) =>
        new(face, statefulSet ?? JujuStatefulSet(), retry);

    public JsonObject Container(string name) => PodSpec["containers"]!.AsArray().Single(c => (string?)c!["name"] == name)!.AsObject();

    public IEnumerable<string?> VolumeNames() => PodSpec["volumes"]?.AsArray().Select(v => (string?)v!["name"]) ?? [];

    public IEnumerable<string?> MountPaths(string container) => Container(container)["volumeMounts"]?.AsArray().Select(m => (string?)m!["mountPath"]) ?? [];

    public Task<StatefulSetReconcileResult> ReconcileAsync(StatefulSetSpec spec) => Reconciler.ReconcileAsync(spec, TestContext.Current.CancellationToken);

    /// <summary>Reconciles, then forgets the requests so far: the state a test starts from.</summary>
    public async Task ArrangeAsync(StatefulSetSpec spec)
    {
        await ReconcileAsync(spec);
        Simulator.ClearRequests();
        Delays.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
