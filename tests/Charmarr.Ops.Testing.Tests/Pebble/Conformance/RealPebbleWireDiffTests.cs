using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Pebble.Files;
using Charmarr.Ops.Testing.Pebble.Server;

namespace Charmarr.Ops.Testing.Tests.Pebble.Conformance;

/// <summary>
/// The same raw HTTP conversation against a fresh real Pebble v1.32.1 and a fresh simulator socket, answer by answer:
/// status and JSON body must be identical once times and boot ids are blanked. Finds wire differences the typed
/// client hides (error texts, extra or missing keys). Skipped, with the reason, where no Pebble binary is found.
/// </summary>
public sealed partial class RealPebbleWireDiffTests(RealPebbleFixture fixture) : IClassFixture<RealPebbleFixture>
{
    private const string Sleep = "sleep 1000";

    public static TheoryData<string> Scenarios => [.. Conversations.Keys];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Each conversation: method, path, body. {S} is a scratch directory of the conversation's own.
    private static readonly Dictionary<string, (string Method, string Path, string? Body)[]> Conversations = new(StringComparer.Ordinal)
    {
        ["system"] =
        [
            ("GET", "/v1/system-info", null),
            ("GET", "/v1/health", null),
            ("GET", "/v1/nope", null),
            ("PUT", "/v1/services", "{}"),
            ("GET", "/v1/plan?format=yaml", null),
            ("GET", "/v1/plan?format=json", null),
        ],
        ["malformed-json"] =
        [
            ("POST", "/v1/layers", "{bad"),
            ("POST", "/v1/services", """{"action":"""),
            ("POST", "/v1/notices", "[]"),
            ("POST", "/v1/identities", """{"action":"add","identities":{"x":{"access":"read","local":{"user-id":"a"}}}}"""),
        ],
        ["json-type-errors"] =
        [
            ("POST", "/v1/layers", "[]"),
            ("POST", "/v1/services", "[]"),
            ("POST", "/v1/signals", "[]"),
            ("POST", "/v1/checks", "[]"),
            ("POST", "/v1/identities", "[]"),
            ("POST", "/v1/exec", "[]"),
            ("POST", "/v1/files", "[]"),
            ("POST", "/v1/layers", """{"action":1}"""),
            ("POST", "/v1/layers", """{"combine":"x"}"""),
            ("POST", "/v1/services", """{"services":"a"}"""),
            ("POST", "/v1/services", """{"services":[1]}"""),
            ("POST", "/v1/signals", """{"signal":1}"""),
            ("POST", "/v1/checks", """{"checks":"a"}"""),
            ("POST", "/v1/notices", """{"action":"add","type":"custom","key":"example.com/x","data":{"a":1}}"""),
            ("POST", "/v1/identities", """{"identities":{"x":{"local":{"user-id":-1}}}}"""),
            ("POST", "/v1/identities", """{"identities":{"x":{"local":"a"}}}"""),
            ("POST", "/v1/identities", """{"identities":{"x":{"access":1}}}"""),
            ("POST", "/v1/identities", """{"identities":[]}"""),
            ("POST", "/v1/exec", """{"command":"a"}"""),
            ("POST", "/v1/exec", """{"environment":{"a":1}}"""),
            ("POST", "/v1/exec", """{"command":["true"],"user-id":"x"}"""),
            ("POST", "/v1/exec", """{"command":["true"],"timeout":1}"""),
            ("POST", "/v1/files", """{"action":"make-dirs","dirs":[{"path":1}]}"""),
            ("POST", "/v1/files", """{"action":"make-dirs","dirs":[{"path":"{S}/x","permissions":7}]}"""),
            ("POST", "/v1/files", """{"action":"make-dirs","dirs":[{"path":"{S}/x","user-id":"a"}]}"""),
            ("POST", "/v1/files", """{"action":"remove","paths":{}}"""),
        ],
        ["json-syntax-errors"] =
        [
            ("POST", "/v1/layers", "{\"a\" 1}"),
            ("POST", "/v1/layers", "{\"a\":1 \"b\"}"),
            ("POST", "/v1/layers", "[1 2]"),
            ("POST", "/v1/layers", "{\"a\":tru}"),
            ("POST", "/v1/layers", "{\"a\":nul}"),
            ("POST", "/v1/layers", "{\"a\":-x}"),
            ("POST", "/v1/layers", "{\"a\":1.}"),
            ("POST", "/v1/layers", "{\"a\":1e}"),
            ("POST", "/v1/layers", "{\"a\":\"\\q\"}"),
            ("POST", "/v1/layers", "{\"a\":\"\\u12g4\"}"),
            ("POST", "/v1/layers", "{\"a\":\"x\ny\"}"),
            ("POST", "/v1/layers", "{'a':1}"),
            ("POST", "/v1/layers", "{\"action\":\"add\"} trailing"),
            ("POST", "/v1/layers", "  "),
            ("POST", "/v1/layers", "{\"a\":[1,"),
        ],
        ["layer-yaml-errors"] =
        [
            ("POST", "/v1/layers", Layer("l-unknown", "services:\n  a:\n    override: replace\n    command: x\n    bogus: 1\n")),
            ("POST", "/v1/layers", Layer("l-syntax", "services:\n  a: [\n")),
            ("POST", "/v1/layers", Layer("l-type", "services:\n  a:\n    command: x\n  b: 1\n")),
            ("POST", "/v1/layers", Layer("l-tab", "services:\n\ta:\n")),
            ("POST", "/v1/layers", Layer("l-colon", "services:\n  a:\n    override: replace\n    command: /bin/sh -c \"echo a: b\"\n")),
            ("POST", "/v1/layers", Layer("l-quote", "services:\n  a:\n    command: \"x\n")),
            ("POST", "/v1/layers", Layer("l-indent", "services:\n  a:\n    command: x\n   bad: 1\n")),
            ("POST", "/v1/layers", Layer("l-flow", "services: {a: 1\n")),
            ("POST", "/v1/layers", Layer("l-list", "- a\n- b\n")),
            ("POST", "/v1/layers", Layer("l-override", "services:\n  a:\n    command: x\n")),
            ("POST", "/v1/layers", Layer("l-top", "bogus: 1\n")),
            ("POST", "/v1/layers", Layer("l-check", "checks:\n  c:\n    override: replace\n")),
            ("POST", "/v1/layers", Layer("Bad_Label", "summary: x\n")),
            ("POST", "/v1/layers", """{"action":"add","label":"l-format","format":"json","layer":"{}"}"""),
        ],
        ["files-errors"] =
        [
            ("GET", "/v1/files?action=list&path=rel", null),
            ("GET", "/v1/files?action=list&path={S}/missing", null),
            ("GET", "/v1/files?action=list&path={S}&itself=true&pattern=*", null),
            ("GET", "/v1/files?action=nope&path={S}", null),
            ("POST", "/v1/files", """{"action":"make-dirs","dirs":[{"path":"{S}/d/e","make-parents":true}]}"""),
            ("POST", "/v1/files", """{"action":"make-dirs","dirs":[{"path":"{S}/d/e"}]}"""),
            ("POST", "/v1/files", """{"action":"make-dirs","dirs":[{"path":"{S}/d/e/f/g"},{"path":"rel"},{"path":"{S}/x/y"}]}"""),
            ("POST", "/v1/files", """{"action":"remove","paths":[{"path":"{S}/d"},{"path":"{S}/none"},{"path":"rel"}]}"""),
            ("POST", "/v1/files", """{"action":"remove","paths":[{"path":"{S}/d","recursive":true}]}"""),
            ("POST", "/v1/files", """{"action":"nope"}"""),
            ("POST", "/v1/files", """{"action":"make-dirs","dirs":[{"path":"{S}/o","user":"no-such-user"}]}"""),
        ],
        ["files-writes"] =
        [
            ("POST", "/v1/files", """{"action":"make-dirs","dirs":[{"path":"{S}/dir"}]}"""),
            ("POST", "/v1/files", """{"action":"make-dirs","dirs":[{"path":"{S}/file"}]}"""),
            ("POST", "/v1/files", """{"action":"remove","paths":[{"path":"{S}/file"}]}"""),
            ("WRITE", "/v1/files", """{"action":"write","files":[{"path":"{S}/file"}]}"""),
            ("WRITE", "/v1/files", """{"action":"write","files":[{"path":"{S}/file/sub"}]}"""),
            ("WRITE", "/v1/files", """{"action":"write","files":[{"path":"{S}/dir"}]}"""),
            ("WRITE", "/v1/files", """{"action":"write","files":[{"path":"{S}/nodir/x"}]}"""),
            ("WRITE", "/v1/files", """{"action":"write","files":[{"path":"{S}/f2","permissions":"999"}]}"""),
            ("WRITE", "/v1/files", """{"action":"write","files":[{"path":"{S}/f3","user":"no-such-user"}]}"""),
            ("WRITE", "/v1/files", """{"action":"write","files":[{"path":"relative"}]}"""),
            ("GET", "/v1/files?action=list&path={S}/file&itself=true", null),
            ("POST", "/v1/files", """{"action":"make-dirs","dirs":[{"path":"{S}/file/sub","make-parents":true}]}"""),
            ("POST", "/v1/files", """{"action":"make-dirs","dirs":[{"path":"{S}/file/sub"}]}"""),
        ],
        ["services"] =
        [
            ("POST", "/v1/layers", Layer("svc", $"services:\n  a:\n    override: replace\n    command: {Sleep}\n    startup: enabled\n  b:\n    override: replace\n    command: {Sleep}\n    requires: [a]\n")),
            ("GET", "/v1/services", null),
            ("POST", "/v1/services", """{"action":"start","services":["b"]}"""),
            ("GET", "/v1/changes/1/wait?timeout=20s", null),
            ("GET", "/v1/services?names=b,a", null),
            ("POST", "/v1/services", """{"action":"start","services":["nope"]}"""),
            ("POST", "/v1/services", """{"action":"start","services":[]}"""),
            ("POST", "/v1/services", """{"action":"bogus","services":["a"]}"""),
            ("POST", "/v1/services", """{"action":"replan"}"""),
            ("GET", "/v1/changes/2/wait?timeout=20s", null),
            ("GET", "/v1/changes/1", null),
            ("GET", "/v1/changes/2", null),
            ("GET", "/v1/changes?select=in-progress", null),
            ("POST", "/v1/changes/1", """{"action":"abort"}"""),
            ("POST", "/v1/changes/1", """{"action":"nope"}"""),
            ("GET", "/v1/changes/99", null),
            ("GET", "/v1/changes?select=bogus", null),
            ("POST", "/v1/signals", """{"signal":"SIGBOGUS","services":["a"]}"""),
            ("POST", "/v1/signals", """{"signal":"SIGHUP","services":[]}"""),
            ("POST", "/v1/services", """{"action":"stop","services":["a","b"]}"""),
            ("GET", "/v1/changes/3/wait?timeout=20s", null),
            ("GET", "/v1/notices?types=change-update", null),
            ("GET", "/v1/services", null),
        ],
        ["checks"] =
        [
            ("POST", "/v1/layers", Layer("chk", "checks:\n  up:\n    override: replace\n    level: alive\n    period: 1h\n    exec:\n      command: /bin/true\n")),
            ("GET", "/v1/checks", null),
            ("GET", "/v1/checks?level=bogus", null),
            ("POST", "/v1/checks", """{"action":"stop","checks":["up"]}"""),
            ("GET", "/v1/checks?names=up", null),
            ("POST", "/v1/checks", """{"action":"start","checks":["up","nope"]}"""),
            ("POST", "/v1/checks", """{"action":"bogus","checks":["up"]}"""),
            ("GET", "/v1/health?level=alive", null),
            ("POST", "/v1/checks", """{"action":"start","checks":["up"]}"""),
            ("GET", "/v1/checks", null),
            ("GET", "/v1/changes/1", null),
            ("GET", "/v1/notices?types=change-update", null),
        ],
        ["notices"] =
        [
            ("POST", "/v1/notices", """{"action":"add","type":"custom","key":"example.com/a","data":{"x":"1"}}"""),
            ("POST", "/v1/notices", """{"action":"add","type":"custom","key":"example.com/a","data":{"x":"2"}}"""),
            ("GET", "/v1/notices?types=custom", null),
            ("GET", "/v1/notices/1", null),
            ("GET", "/v1/notices/99", null),
            ("POST", "/v1/notices", """{"action":"add","type":"custom","key":"nodomain"}"""),
            ("POST", "/v1/notices", """{"action":"add","type":"warning","key":"example.com/w"}"""),
            ("POST", "/v1/notices", """{"action":"bogus"}"""),
            ("GET", "/v1/notices?types=bogus", null),
            ("GET", "/v1/notices?after=bogus", null),
            ("GET", "/v1/notices?after=2024-01-02", null),
            ("GET", "/v1/notices?after=2024-01-02T03:04:05", null),
            ("GET", "/v1/notices?after=2024-01-02T03:04:05Zjunk", null),
            ("GET", "/v1/notices?after=2024-13-02T03:04:05Z", null),
        ],
        ["identities"] =
        [
            ("POST", "/v1/identities", """{"action":"add","identities":{"bob":{"access":"read","local":{"user-id":1000}}}}"""),
            ("POST", "/v1/identities", """{"action":"add","identities":{"bob":{"access":"read","local":{"user-id":1000}}}}"""),
            ("GET", "/v1/identities", null),
            ("POST", "/v1/identities", """{"action":"update","identities":{"nope":{"access":"read","local":{"user-id":1}}}}"""),
            ("POST", "/v1/identities", """{"action":"add","identities":{"eve":{"access":"bogus","local":{"user-id":1}}}}"""),
            ("POST", "/v1/identities", """{"action":"add","identities":{"eve":{"access":"read"}}}"""),
            ("POST", "/v1/identities", """{"action":"remove","identities":{"bob":null,"nope":null}}"""),
            ("POST", "/v1/identities", """{"action":"bogus","identities":{}}"""),
        ],
        ["exec-errors"] =
        [
            ("POST", "/v1/exec", """{"command":[]}"""),
            ("POST", "/v1/exec", """{"command":["no-such-executable-x"]}"""),
            ("POST", "/v1/exec", """{"command":["true"],"timeout":"bogus"}"""),
            ("POST", "/v1/exec", """{"command":["true"],"service-context":"nope"}"""),
            ("POST", "/v1/exec", """{"command":["true"],"user":"no-such-user"}"""),
            ("GET", "/v1/tasks/99/websocket/control", null),
        ],
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_simulator_answers_like_real_Pebble(string scenario)
    {
        Assert.SkipWhen(fixture.MissingReason is not null, fixture.MissingReason ?? "");
        var pebble = await fixture.StartPrivateAsync(Ct);
        var scratch = Path.Combine(fixture.Scratch, "wire-" + scenario);
        Directory.CreateDirectory(scratch);
        var simulator = new PebbleSimulator();
        simulator.MakeDirectory(scratch, new FileCreation { MakeParents = true });
        var socketDirectory = Directory.CreateTempSubdirectory("pbw").FullName;
        try
        {
            await using var server = await PebbleSocketServer.StartAsync(simulator, Path.Combine(socketDirectory, "p.sock"), Ct);
            using var real = new Wire(pebble.SocketPath);
            using var simulated = new Wire(server.SocketPath);
            var differences = new List<string>();
            foreach (var (method, path, body) in Conversations[scenario])
            {
                var target = path.Replace("{S}", scratch, StringComparison.Ordinal);
                var content = body?.Replace("{S}", scratch, StringComparison.Ordinal);
                var expected = Normalize(await real.SendAsync(method, target, content));
                var actual = Normalize(await simulated.SendAsync(method, target, content));
                if (expected != actual)
                {
                    differences.Add($"{method} {target} {content}\n  pebble:    {expected}\n  simulator: {actual}");
                }
            }

            Assert.True(differences.Count == 0, string.Join("\n", differences));
        }
        finally
        {
            Directory.Delete(socketDirectory, recursive: true);
        }
    }

    private static string Layer(string label, string yaml) =>
        $$"""{"action":"add","label":"{{label}}","format":"yaml","layer":{{System.Text.Json.JsonSerializer.Serialize(yaml)}}}""";

    private static string Normalize((int Status, string Body) answer) =>
        answer.Status + " " + TempSuffix().Replace(Timestamp().Replace(BootId().Replace(answer.Body, "\"boot-id\":\"*\""), "TIME"), ".N~");

    [GeneratedRegex(@"\.[0-9]+~")]
    private static partial Regex TempSuffix();

    [GeneratedRegex("\"boot-id\":\"[^\"]*\"")]
    private static partial Regex BootId();

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")]
    private static partial Regex Timestamp();

    private sealed class Wire : IDisposable
    {
        private readonly SocketsHttpHandler handler;
        private readonly HttpClient http;

        public Wire(string socketPath)
        {
            handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, cancel) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancel);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            http = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri("http://localhost"), Timeout = TimeSpan.FromSeconds(60) };
        }

        public async Task<(int Status, string Body)> SendAsync(string method, string path, string? body)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method == "WRITE" ? "POST" : method), path);
            if (method == "WRITE")
            {
                // A push: the metadata part, then one file part per path, each holding "x".
                var metadata = new StringContent(body!, Encoding.UTF8);
                metadata.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
                var form = new MultipartFormDataContent { { metadata, "request" } };
                foreach (System.Text.Json.JsonElement file in System.Text.Json.JsonDocument.Parse(body!).RootElement.GetProperty("files").EnumerateArray())
                {
                    form.Add(new StringContent("x"), "files", file.GetProperty("path").GetString()!);
                }

                request.Content = form;
            }
            else if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
            }

            using var response = await http.SendAsync(request, Ct);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
        }

        public void Dispose()
        {
            http.Dispose();
            handler.Dispose();
        }
    }
}
