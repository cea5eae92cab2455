using System.Text.Json;
using System.Text.Json.Nodes;
using Charmarr.Interfaces.Observability;
using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Model;
using Microsoft.Extensions.Logging;

namespace Charmarr.Interfaces.Tracing;

/// <summary>
/// The requiring side of <c>tracing</c>, byte-compatible with the tracing library's <c>TracingEndpointRequirer</c> (v0):
/// the leader requests receivers by writing <c>receivers</c> (a JSON list of protocol names, e.g. <c>["otlp_http"]</c>)
/// to its application databag; the provider answers with its own <c>receivers</c>, a list of
/// <c>{"protocol": {"name": …, "type": …}, "url": …}</c>. Raises <see cref="RelationInterfaceChangedEvent"/> on the
/// endpoint's relation-changed and relation-broken. Supported protocols: zipkin, otlp_grpc, otlp_http, jaeger_grpc,
/// jaeger_thrift_http.
/// </summary>
public sealed class TracingRequirer : RelationInterface
{
    /// <summary>The application-databag key of both sides.</summary>
    public const string ReceiversKey = "receivers";

    private static readonly HashSet<string> KnownProtocols = new(StringComparer.Ordinal) { "zipkin", "otlp_grpc", "otlp_http", "jaeger_grpc", "jaeger_thrift_http" };

    private readonly IReadOnlyList<string> protocols;

    /// <summary>Creates the requirer.</summary>
    /// <param name="parent">The charm or component that owns it.</param>
    /// <param name="protocols">The receivers to request, e.g. <c>["otlp_http"]</c> (what Python ops' charm tracing requests).</param>
    /// <param name="endpoint">The endpoint, as declared in the charm's metadata (a single relation: <c>limit: 1</c>).</param>
    /// <exception cref="ArgumentException">No protocol, or one the library does not know.</exception>
    public TracingRequirer(CharmObject parent, IReadOnlyList<string> protocols, string endpoint = "tracing")
        : base(parent, endpoint, raisesChanged: true)
    {
        CheckProtocols(protocols, endpoint);
        this.protocols = protocols;
        Observe<RelationCreatedEvent>(endpoint, _ => RequestReceivers());
        Observe<RelationJoinedEvent>(endpoint, _ => RequestReceivers());
        Observe<LeaderElectedEvent>(_ => RequestReceivers());
        Observe<UpgradeCharmEvent>(_ => RequestReceivers());
    }

    /// <summary>Writes the requested protocols to the endpoint's relation (leader only).</summary>
    public void RequestReceivers()
    {
        if (!Model.Unit.IsLeader || Model.Relations.GetSingle(Endpoint) is not { } relation)
        {
            return;
        }

        relation.LocalAppData.Set(ReceiversKey, Request(protocols));
    }

    /// <summary>The URL of the provider's receiver for <paramref name="protocol"/>, or <see langword="null"/> when there is
    /// no relation, the provider has not published (valid) receivers, or none for that protocol.</summary>
    /// <param name="protocol">A requested protocol, e.g. <c>otlp_http</c>.</param>
    /// <returns>The URL.</returns>
    public string? GetEndpoint(string protocol) =>
        Receivers().FirstOrDefault(r => r.Protocol == protocol)?.Url;

    /// <summary>The provider's receivers; empty when there is no relation or its data is missing or invalid (logged).</summary>
    /// <returns>The receivers.</returns>
    public IReadOnlyList<TracingReceiver> Receivers()
    {
        if (Model.Relations.GetSingle(Endpoint) is not { RemoteApp: not null } relation || relation.RemoteAppData.Get(ReceiversKey) is not { } json)
        {
            return [];
        }

        if (Parse(json) is { } receivers)
        {
            return receivers;
        }

        Logger.LogWarning("Relation {Relation} is not ready: its '{Key}' is not a list of receivers", relation, ReceiversKey);
        return [];
    }

    /// <summary>Refuses an empty request or a protocol the library does not know.</summary>
    /// <exception cref="ArgumentException">No protocol, or an unknown one.</exception>
    internal static void CheckProtocols(IReadOnlyList<string> protocols, string endpoint)
    {
        ArgumentNullException.ThrowIfNull(protocols);
        if (protocols.Count == 0 || protocols.Any(p => !KnownProtocols.Contains(p)))
        {
            throw new ArgumentException($"{endpoint}: request at least one of {string.Join(", ", KnownProtocols.Order(StringComparer.Ordinal))}; got [{string.Join(", ", protocols)}]", nameof(protocols));
        }
    }

    /// <summary>The requirer's <c>receivers</c> value: <c>json.dumps(["otlp_http"])</c>.</summary>
    internal static string Request(IEnumerable<string> protocols)
    {
        var array = new JsonArray();
        foreach (var protocol in protocols)
        {
            array.Add((JsonNode)protocol);
        }

        return PythonJson.Dumps(array);
    }

    /// <summary>The provider's receivers, or <see langword="null"/> when the value is not the library's shape.</summary>
    internal static IReadOnlyList<TracingReceiver>? Parse(string json)
    {
        try
        {
            if (JsonNode.Parse(json) is not JsonArray array)
            {
                return null;
            }

            var receivers = new List<TracingReceiver>();
            foreach (var item in array)
            {
                var name = Text(item?["protocol"]?["name"]);
                var type = Text(item?["protocol"]?["type"]);
                var url = Text(item?["url"]);
                if (name is null || type is not ("http" or "grpc") || url is null)
                {
                    return null;
                }

                receivers.Add(new TracingReceiver(name, type, url));
            }

            return receivers;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
