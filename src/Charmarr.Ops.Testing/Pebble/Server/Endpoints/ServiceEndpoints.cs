using System.Text.Json.Nodes;
using Charmarr.Ops.Testing.Pebble.Json;

namespace Charmarr.Ops.Testing.Pebble.Server.Endpoints;

/// <summary>Services (§2.5), layers (§2.6), plan (§2.7) and signals (§2.11).</summary>
internal static class ServiceEndpoints
{
    private const string DecodeData = "cannot decode data from request body";
    private const string Decode = "cannot decode request body";

    public static void Map(PebbleRouter router)
    {
        router.Map("GET", "/v1/services", request => Task.FromResult<Envelope?>(Envelope.Sync(new JsonArray(
            request.Simulator.GetServices(Query.List(request.Context, "names")).Select(s => (JsonNode?)WireJson.Service(s)).ToArray()))));
        router.Map("POST", "/v1/services", PostServices);
        router.Map("GET", "/v1/services/{name}", NotImplemented);
        router.Map("POST", "/v1/services/{name}", NotImplemented);
        router.Map("POST", "/v1/layers", PostLayers);
        router.Map("GET", "/v1/plan", GetPlan);
        router.Map("POST", "/v1/signals", PostSignals);
    }

    private static Task<Envelope?> NotImplemented(PebbleRequest request) => throw SimulatedPebbleException.BadRequest("not implemented");

    private static async Task<Envelope?> PostServices(PebbleRequest request)
    {
        var body = await request.BodyAsync(DecodeData, GoPayload.Services).ConfigureAwait(false);
        var (action, services) = PebbleRequest.Field(() => (body.String("action") ?? "", body.StringList("services")), DecodeData);
        var change = request.Simulator.ServicesAction(action, services);
        return Envelope.Async(change.Id, null);
    }

    private static async Task<Envelope?> PostLayers(PebbleRequest request)
    {
        var body = await request.BodyAsync(Decode, GoPayload.Layers).ConfigureAwait(false);
        var (action, label, combine, inner, format, layer) = PebbleRequest.Field(
            () => (body.String("action") ?? "", body.String("label") ?? "", body.Bool("combine"), body.Bool("inner"),
                body.String("format") ?? "", body.String("layer") ?? ""),
            Decode);
        if (action != "add")
        {
            throw SimulatedPebbleException.BadRequest($"invalid action {GoText.Quote(action)}");
        }

        if (label.Length == 0)
        {
            throw SimulatedPebbleException.BadRequest("label must be set");
        }

        if (format != "yaml")
        {
            throw SimulatedPebbleException.BadRequest($"invalid format {GoText.Quote(format)}");
        }

        request.Simulator.AddLayer(label, layer, combine, inner);
        return PebbleRouter.True();
    }

    private static Task<Envelope?> GetPlan(PebbleRequest request)
    {
        var format = Query.Get(request.Context, "format");
        if (format != "yaml")
        {
            throw SimulatedPebbleException.BadRequest($"invalid format {GoText.Quote(format)}");
        }

        return Task.FromResult<Envelope?>(Envelope.Sync(JsonValue.Create(request.Simulator.PlanYaml)));
    }

    private static async Task<Envelope?> PostSignals(PebbleRequest request)
    {
        var body = await request.BodyAsync(Decode, GoPayload.Signals).ConfigureAwait(false);
        var (signal, services) = PebbleRequest.Field(() => (body.String("signal") ?? "", body.StringList("services")), Decode);
        request.Simulator.SendSignal(signal, services);
        return PebbleRouter.True();
    }
}
