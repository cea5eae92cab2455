using System.Text.Json.Nodes;
using Charmarr.Ops.Testing.Pebble.Json;

namespace Charmarr.Ops.Testing.Pebble.Server.Endpoints;

/// <summary><c>/v1/changes</c>, <c>/v1/changes/{id}</c> and <c>/v1/changes/{id}/wait</c> (§1.6, §2.4).</summary>
internal static class ChangeEndpoints
{
    private const string DecodeData = "cannot decode data from request body";

    public static void Map(PebbleRouter router)
    {
        router.Map("GET", "/v1/changes", List);
        router.Map("GET", "/v1/changes/{id}", request =>
            Task.FromResult<Envelope?>(Envelope.Sync(WireJson.Change(request.Simulator.RequireChange(request.Var("id"))))));
        router.Map("POST", "/v1/changes/{id}", Abort);
        router.Map("GET", "/v1/changes/{id}/wait", Wait);
    }

    private static Task<Envelope?> List(PebbleRequest request)
    {
        var select = Query.Get(request.Context, "select");
        var changes = request.Simulator.GetChanges(select.Length == 0 ? "in-progress" : select, Query.Get(request.Context, "for"));
        return Task.FromResult<Envelope?>(Envelope.Sync(new JsonArray(changes.Select(c => (JsonNode?)WireJson.Change(c)).ToArray())));
    }

    private static async Task<Envelope?> Abort(PebbleRequest request)
    {
        var id = request.Var("id");
        request.Simulator.RequireChange(id);
        var body = await request.BodyAsync(DecodeData, GoPayload.Change).ConfigureAwait(false);
        var action = PebbleRequest.Field(() => body.String("action") ?? "", DecodeData);
        if (action != "abort")
        {
            throw SimulatedPebbleException.BadRequest($"invalid action {GoText.Quote(action)}");
        }

        return Envelope.Sync(WireJson.Change(request.Simulator.AbortChange(id)));
    }

    private static async Task<Envelope?> Wait(PebbleRequest request)
    {
        var id = request.Var("id");
        request.Simulator.RequireChange(id);
        var text = Query.Get(request.Context, "timeout");
        TimeSpan? timeout = null;
        if (text.Length > 0)
        {
            if (!GoDuration.TryParse(text, out var parsed, out var error))
            {
                throw SimulatedPebbleException.BadRequest($"invalid timeout: {error}");
            }

            timeout = parsed;
        }

        try
        {
            var change = await request.Simulator.WaitChangeAsync(id, timeout, request.Aborted).ConfigureAwait(false);
            return Envelope.Sync(WireJson.Change(change));
        }
        catch (OperationCanceledException) when (request.Aborted.IsCancellationRequested)
        {
            return Envelope.Error(500, "request cancelled");
        }
    }
}
