using System.Text;
using Charmarr.Ops.Pebble;

namespace Charmarr.Fuzz.Targets;

/// <summary>
/// Pebble's HTTP answers, read by the real <see cref="PebbleClient"/> over a real unix socket from a
/// <see cref="RawHttpServer"/> that answers mutated or garbage HTTP. An input is one line naming the call (and
/// <c>stall</c> when the server then keeps the connection open without a word), then the raw answer. Documented
/// (IPebbleClient): a <see cref="PebbleException"/> subtype, never a raw transport exception; the client's own timeout
/// (short here) bounds a stalled answer.
/// </summary>
public sealed class PebbleSocketTarget : FuzzTarget, IDisposable
{
    private const string Boundary = "1c2d36b3a70e7a5d7e6dbb5d0f4c2e9b";
    private const string Ok = "{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":";

    private static readonly Dictionary<string, string> Bodies = new(StringComparer.Ordinal)
    {
        ["system-info"] = Ok + "{\"version\":\"1.10.0\"}}",
        ["services"] = Ok + "[{\"name\":\"aux\",\"startup\":\"disabled\",\"current\":\"backoff\"},{\"name\":\"plex\",\"startup\":\"enabled\",\"current\":\"active\",\"current-since\":\"2024-01-02T03:04:05.123456789+02:00\"}]}",
        ["checks"] = Ok + "[{\"name\":\"chk1\",\"startup\":\"enabled\",\"status\":\"up\",\"successes\":4,\"threshold\":3,\"change-id\":\"1\"},{\"name\":\"old\",\"level\":\"ready\",\"status\":\"down\",\"failures\":3,\"threshold\":1}]}",
        ["health"] = Ok + "{\"healthy\":true}}",
        ["plan"] = Ok + "\"services:\\n    plex:\\n        override: replace\\n        command: /init\\n        startup: enabled\\n        kill-delay: 30s\\n\"}",
        ["start"] = "{\"type\":\"async\",\"status-code\":202,\"status\":\"Accepted\",\"change\":\"70\",\"result\":null}",
        ["change"] = Ok + "{\"id\":\"70\",\"kind\":\"autostart\",\"summary\":\"Autostart\",\"status\":\"Error\",\"tasks\":[{\"id\":\"78\",\"kind\":\"start\",\"summary\":\"Start\",\"status\":\"Error\",\"log\":[\"2021-02-25T03:00:00.5Z ERROR x\"],\"progress\":{\"label\":\"\",\"done\":1,\"total\":1},\"spawn-time\":\"2021-02-25T02:59:59.123456789Z\",\"ready-time\":\"2021-02-25T03:00:00.5Z\",\"data\":{\"exit-code\":3}}],\"ready\":true,\"err\":\"cannot\",\"spawn-time\":\"2021-02-25T02:59:59.123456789+13:00\",\"ready-time\":\"2021-02-25T03:00:00Z\"}}",
        ["files"] = Ok + "[{\"path\":\"/etc/hosts\",\"name\":\"hosts\",\"type\":\"file\",\"size\":123,\"permissions\":\"644\",\"last-modified\":\"2021-01-28T14:37:04Z\",\"user-id\":0,\"user\":\"root\",\"group-id\":0,\"group\":\"root\"}]}",
        ["notices"] = Ok + "[{\"id\":\"3\",\"user-id\":1000,\"type\":\"custom\",\"key\":\"example.com/a\",\"first-occurred\":\"2023-12-07T17:01:02.123456789Z\",\"last-occurred\":\"2023-12-07T17:01:03Z\",\"last-repeated\":\"2023-12-07T17:01:04Z\",\"occurrences\":7,\"last-data\":{\"k1\":\"v1\"},\"repeat-after\":\"1h0m0s\",\"expire-after\":\"168h0m0s\"}]}",
        ["identities"] = Ok + "{\"bob\":{\"access\":\"admin\",\"local\":{\"user-id\":1000}}}}",
        ["add-layer"] = Ok + "true}",
        ["error"] = "{\"type\":\"error\",\"status-code\":404,\"status\":\"Not Found\",\"result\":{\"message\":\"not found\",\"kind\":\"not-found\"}}",
        ["logs"] = "{\"time\":\"2023-03-08T09:55:11.123456789Z\",\"service\":\"plex\",\"message\":\"Starting Plex\"}\n",
    };

    private static readonly string[] Calls = ["system-info", "services", "checks", "health", "plan", "start", "change", "files", "notices", "identities", "add-layer", "pull", "logs"];

    private readonly RawHttpServer server;
    private readonly PebbleClient client;
    private readonly string directory;

    /// <summary>Starts the raw server on a unix socket in a new temporary directory and connects a client to it.</summary>
    /// <param name="timeout">The client's timeout (how long Pebble may be silent).</param>
    public PebbleSocketTarget(TimeSpan? timeout = null)
    {
        directory = Directory.CreateTempSubdirectory("charmarr-fuzz-").FullName;
        server = RawHttpServer.StartUnix(Path.Combine(directory, "pebble.socket"));
        client = new PebbleClient(server.SocketPath!, timeout ?? TimeSpan.FromMilliseconds(500));
    }

    /// <inheritdoc />
    public override string Name => "pebble-socket";

    /// <inheritdoc />
    public override bool IsCheap => false;

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions => [typeof(PebbleException)];

    /// <inheritdoc />
    public override IReadOnlyList<string> Seeds { get; } = [.. Calls.Select(c => $"{c}\n{Answer(c)}"), $"services\n{Answer("error", "404 Not Found")}"];

    /// <summary>The golden answer to a call, as raw HTTP.</summary>
    /// <param name="call">The call.</param>
    /// <param name="status">The status line's code and reason.</param>
    /// <returns>The answer's text.</returns>
    public static string Answer(string call, string status = "200 OK")
    {
        string body, type = "application/json";
        if (call == "pull")
        {
            body = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"/config/a\"\r\nContent-Type: application/octet-stream\r\n\r\nhello\r\n"
                + $"--{Boundary}\r\nContent-Disposition: form-data; name=\"response\"\r\nContent-Type: application/json\r\n\r\n{Ok}[{{\"path\":\"/config/a\"}}]}}\n\r\n--{Boundary}--\r\n";
            type = $"multipart/form-data; boundary={Boundary}";
        }
        else
        {
            body = Bodies[call];
        }

        var length = Encoding.UTF8.GetByteCount(body);
        return $"HTTP/1.1 {status}\r\nContent-Type: {type}\r\nContent-Length: {length}\r\n\r\n{body}";
    }

    /// <inheritdoc />
    public override string Generate(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var call = Calls[random.Next(Calls.Length)];
        var stall = random.Next(2000) == 0 ? " stall" : string.Empty;
        string answer;
        if (random.Next(2) == 0)
        {
            // Mutate the JSON body and keep the framing right, so the client's JSON reading is reached.
            var body = call == "pull" ? Answer("pull") : Bodies[call == "start" && random.Next(3) == 0 ? "change" : random.Next(10) == 0 ? "error" : call];
            var mutated = Mutator.Mutate([body], Mutator.CommonTokens, random);
            var status = random.Next(10) == 0 ? "500 Internal Server Error" : "200 OK";
            answer = call == "pull"
                ? mutated
                : $"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(mutated)}\r\n\r\n{mutated}";
        }
        else
        {
            // Mutate the whole answer: status line, headers, framing.
            answer = Mutator.Mutate([Answer(call), Answer("error", "404 Not Found")], Mutator.CommonTokens, random);
        }

        return $"{call}{stall}\n{answer}";
    }

    /// <inheritdoc />
    public void Dispose()
    {
        client.Dispose();
        server.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    /// <inheritdoc />
    protected override FuzzOutcome Execute(string input)
    {
        var newline = input.IndexOf('\n', StringComparison.Ordinal);
        var head = newline < 0 ? input : input[..newline];
        var parts = head.Split(' ');
        server.Answer = Encoding.UTF8.GetBytes(newline < 0 ? string.Empty : input[(newline + 1)..]);
        server.Mode = parts is [_, "stall", ..] ? RawAnswerMode.WriteAndStall : RawAnswerMode.WriteAndClose;
        CallAsync(parts[0]).GetAwaiter().GetResult();
        return FuzzOutcome.Accepted;
    }

    private async Task CallAsync(string call)
    {
        switch (call)
        {
            case "system-info": await client.GetSystemInfoAsync(); break;
            case "services": await client.GetServicesAsync(); break;
            case "checks": await client.GetChecksAsync(); break;
            case "health": await client.GetHealthAsync(); break;
            case "plan": await client.GetPlanAsync(); break;
            case "start": await client.StartServicesAsync(["plex"], TimeSpan.Zero); break;
            case "change": await client.GetChangeAsync("70"); break;
            case "files": await client.ListFilesAsync("/etc"); break;
            case "notices": await client.GetNoticesAsync(); break;
            case "identities": await client.GetIdentitiesAsync(); break;
            case "add-layer": await client.AddLayerAsync("l", new PebbleLayer()); break;
            case "logs": await client.GetLogsAsync(); break;
            default:
                await using (var stream = await client.PullAsync("/config/a"))
                {
                    await stream.CopyToAsync(Stream.Null);
                }

                break;
        }
    }
}
