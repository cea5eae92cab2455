using System.Text.Json.Nodes;
using Charmarr.Ops.AotSmoke;
using Charmarr.Ops.Context;
using Charmarr.Ops.Hosting;
using Charmarr.Ops.Kubernetes;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Model;
using Charmarr.Ops.Testing.Juju;
using Charmarr.Ops.Testing.Kubernetes;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Pebble.Server;

// Drives SmokeCharm through a short deploy story against the Testing package's simulators, reached the production way:
// Pebble over a unix socket, Kubernetes over loopback HTTP. Exits 0 only when every check holds.
const string Namespace = "aot"; // the model, and so the StatefulSet's namespace
var checks = new SmokeChecks();
var socketDirectory = Directory.CreateTempSubdirectory("charmarr-aot-smoke-");
try
{
    var pebble = new PebbleSimulator();
    await using var pebbleServer = await PebbleSocketServer.StartAsync(pebble, SocketPebbleClientFactory.SocketPath(socketDirectory.FullName, "workload"));

    var kubernetes = new KubernetesSimulator();
    kubernetes.StatefulSets.Put("""
        {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"smoke","namespace":"aot"},
         "spec":{"template":{"spec":{"containers":[{"name":"charm","image":"charm"},{"name":"workload","image":"workload"}]}}}}
        """);
    await using var kubernetesServer = kubernetes.StartServer();
    using var kubernetesApi = KubernetesStatefulSetApi.ForHost(kubernetesServer.BaseAddress);

    var juju = new MemoryJujuBackend("smoke/0") { Leader = true };
    juju.SetConfigDefault("greeting", "hello");
    await using var app = CharmApp.CreateBuilder(args)
        .UseBackend(juju)
        .UseMetadata(CharmMetadata.ParseCharmcraft(SmokeCharm.Metadata))
        .UsePebble(new SocketPebbleClientFactory(socketDirectory.FullName))
        .UseKubernetes(kubernetesApi)
        .Build<SmokeCharm>();

    async Task<int> DispatchAsync(string path, params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["JUJU_UNIT_NAME"] = juju.UnitName,
            ["JUJU_MODEL_NAME"] = Namespace,
            ["JUJU_MODEL_UUID"] = juju.ModelUuid,
            ["JUJU_VERSION"] = "3.6.4",
            ["JUJU_DISPATCH_PATH"] = path,
        };
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        juju.BeginHook();
        var logged = juju.Logs.Count;
        var exitCode = await app.DispatchAsync(JujuContext.FromEnvironment(environment));
        juju.EndHook(succeeded: exitCode == 0);
        if (exitCode != 0)
        {
            Console.WriteLine($"{path} exited {exitCode}; juju-log:");
            foreach (var line in juju.Logs.Skip(logged))
            {
                Console.WriteLine($"  {line.Level}: {line.Message}");
            }
        }

        return exitCode;
    }

    checks.Expect("install exits 0", await DispatchAsync("hooks/install") == 0);
    checks.Expect("without media-storage the unit is blocked", juju.UnitStatus.ToString() == "blocked: needs media-storage", juju.UnitStatus.ToString());

    checks.Expect("pebble-ready exits 0", await DispatchAsync("hooks/workload-pebble-ready", ("JUJU_WORKLOAD_NAME", "workload")) == 0);
    checks.Expect("the layer reached Pebble over its socket", pebble.PlanYaml.Contains("command: /bin/echo hello", StringComparison.Ordinal), pebble.PlanYaml);

    var relation = juju.AddRelation("media-storage", "storage");
    juju.AddRemoteUnit(relation, "storage/0");
    juju.SetRemoteAppData(relation, new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["config"] = """{"pvc_name":"media-pvc","mount_path":"/media","puid":1000,"pgid":1000}""",
    });
    checks.Expect("media-storage-relation-changed exits 0", await DispatchAsync(
        "hooks/media-storage-relation-changed",
        ("JUJU_RELATION", "media-storage"),
        ("JUJU_RELATION_ID", $"media-storage:{relation}"),
        ("JUJU_REMOTE_APP", "storage"),
        ("JUJU_REMOTE_UNIT", "storage/0")) == 0);
    var podSpec = kubernetes.StatefulSets.Get(Namespace, "smoke")?["spec"]?["template"]?["spec"];
    var claim = podSpec?["volumes"]?.AsArray().FirstOrDefault(v => (string?)v?["name"] == "media")?["persistentVolumeClaim"]?["claimName"];
    checks.Expect("the interface's JSON became a PVC volume patched over HTTP", (string?)claim == "media-pvc", podSpec?.ToJsonString() ?? "no StatefulSet");
    checks.Expect("the unit is active once storage is related", juju.UnitStatus.Kind == StatusKind.Active, juju.UnitStatus.ToString());
    // install, pebble-ready and relation-changed each reconciled once at least; without stored state it would say 1.
    var reconciles = int.Parse(juju.UnitStatus.Message.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    checks.Expect("stored state carried the reconcile count across dispatches", reconciles >= 3, juju.UnitStatus.ToString());

    juju.SetConfig("greeting", "bonjour");
    checks.Expect("config-changed exits 0", await DispatchAsync("hooks/config-changed") == 0);
    checks.Expect("the changed layer replaced the service", pebble.PlanYaml.Contains("command: /bin/echo bonjour", StringComparison.Ordinal), pebble.PlanYaml);

    var action = juju.StartAction("echo", new JsonObject { ["text"] = "aot", ["times"] = 2 });
    checks.Expect("the echo action exits 0", await DispatchAsync("actions/echo", ("JUJU_ACTION_NAME", "echo"), ("JUJU_ACTION_UUID", "1")) == 0);
    checks.Expect("typed action parameters were read", (string?)action.Results["echo"] == "aot aot", action.Results.ToJsonString());
}
catch (Exception e)
{
    checks.Expect("no exception escapes", false, e.ToString());
}
finally
{
    socketDirectory.Delete(recursive: true);
}

return checks.Report();
