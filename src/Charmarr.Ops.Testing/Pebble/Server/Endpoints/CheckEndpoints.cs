using System.Text.Json.Nodes;
using Charmarr.Ops.Testing.Pebble.Json;

namespace Charmarr.Ops.Testing.Pebble.Server.Endpoints;

/// <summary><c>/v1/checks</c> and <c>/v1/checks/refresh</c> (§2.8).</summary>
internal static class CheckEndpoints
{
    private const string DecodeData = "cannot decode data from request body";

    public static void Map(PebbleRouter router)
    {
        router.Map("GET", "/v1/checks", GetChecks);
        router.Map("POST", "/v1/checks", PostChecks);
        router.Map("POST", "/v1/checks/refresh", Refresh);
    }

    private static Task<Envelope?> GetChecks(PebbleRequest request)
    {
        var level = Query.Get(request.Context, "level");
        if (level is not ("" or "alive" or "ready"))
        {
            throw SimulatedPebbleException.BadRequest("level must be \"alive\" or \"ready\"");
        }

        var checks = request.Simulator.GetChecks(level.Length == 0 ? null : level, Query.List(request.Context, "names"));
        return Task.FromResult<Envelope?>(Envelope.Sync(new JsonArray(checks.Select(c => (JsonNode?)WireJson.Check(c)).ToArray())));
    }

    private static async Task<Envelope?> PostChecks(PebbleRequest request)
    {
        var body = await request.BodyAsync(DecodeData, GoPayload.Checks).ConfigureAwait(false);
        var (action, checks) = PebbleRequest.Field(() => (body.String("action") ?? "", body.StringList("checks")), DecodeData);
        var changed = request.Simulator.ChecksAction(action, checks);
        return Envelope.Sync(new JsonObject { ["changed"] = GoJson.Strings(changed) });
    }

    // The simulator probes nothing: refreshing reports the check as it stands.
    private static async Task<Envelope?> Refresh(PebbleRequest request)
    {
        var body = await request.BodyAsync(DecodeData, GoPayload.RefreshCheck).ConfigureAwait(false);
        var name = PebbleRequest.Field(() => body.String("name") ?? "", DecodeData);
        var found = request.Simulator.GetChecks(null, [name]);
        var check = (found.Count > 0 ? found[0] : null)
            ?? throw SimulatedPebbleException.NotFound($"cannot find check with name {GoText.Quote(name)}");
        return Envelope.Sync(new JsonObject { ["info"] = WireJson.Check(check) });
    }
}
