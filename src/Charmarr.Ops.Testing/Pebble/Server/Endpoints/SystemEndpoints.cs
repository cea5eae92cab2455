using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing.Pebble.Server.Endpoints;

/// <summary><c>/v1/system-info</c> (§2.1) and <c>/v1/health</c> (§2.2).</summary>
internal static class SystemEndpoints
{
    public static void Map(PebbleRouter router)
    {
        router.Map("GET", "/v1/system-info", request => Task.FromResult<Envelope?>(Envelope.Sync(new JsonObject
        {
            ["boot-id"] = request.Simulator.BootId,
            ["version"] = request.Simulator.Version,
        })));
        router.Map("GET", "/v1/health", Health);
    }

    private static Task<Envelope?> Health(PebbleRequest request)
    {
        var level = Query.Get(request.Context, "level");
        if (level is not ("" or "alive" or "ready"))
        {
            throw SimulatedPebbleException.BadRequest("level must be \"alive\" or \"ready\"");
        }

        var healthy = request.Simulator.IsHealthy(level.Length == 0 ? null : level, Query.List(request.Context, "names"));
        var envelope = new Envelope("sync", healthy ? 200 : 502, null, new JsonObject { ["healthy"] = healthy }, true);
        return Task.FromResult<Envelope?>(envelope);
    }
}
