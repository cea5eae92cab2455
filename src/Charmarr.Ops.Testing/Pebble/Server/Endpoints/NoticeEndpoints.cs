using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Charmarr.Ops.Testing.Pebble.Json;

namespace Charmarr.Ops.Testing.Pebble.Server.Endpoints;

/// <summary><c>/v1/notices</c> (§2.13) and <c>/v1/identities</c> (§2.14); the caller is treated as admin uid 0.</summary>
internal static class NoticeEndpoints
{
    private const string Decode = "cannot decode request body";
    private static readonly string[] KnownTypes = ["change-update", "custom", "warning"];

    public static void Map(PebbleRouter router)
    {
        router.Map("GET", "/v1/notices", GetNotices);
        router.Map("POST", "/v1/notices", PostNotice);
        router.Map("GET", "/v1/notices/{id}", request =>
        {
            var id = request.Var("id");
            var notice = request.Simulator.GetNotice(id)
                ?? throw SimulatedPebbleException.NotFound($"cannot find notice with ID {GoText.Quote(id)}");
            return Task.FromResult<Envelope?>(Envelope.Sync(WireJson.Notice(notice)));
        });
        router.Map("GET", "/v1/identities", request => Task.FromResult<Envelope?>(Envelope.Sync(
            GoJson.SortedMap(request.Simulator.Identities, i => WireJson.Identity(i)))));
        router.Map("POST", "/v1/identities", PostIdentities);
    }

    private static async Task<Envelope?> GetNotices(PebbleRequest request)
    {
        var context = request.Context;
        var users = Query.Get(context, "users");
        var userIdText = Query.Get(context, "user-id");
        if (users.Length > 0 && userIdText.Length > 0)
        {
            throw SimulatedPebbleException.BadRequest("cannot use both \"users\" and \"user-id\" parameters");
        }

        if (users.Length > 0 && users != "all")
        {
            throw SimulatedPebbleException.BadRequest("invalid \"users\" filter: must be \"all\"");
        }

        uint? userId = null;
        if (userIdText.Length > 0)
        {
            userId = uint.TryParse(userIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var uid) ? uid
                : throw SimulatedPebbleException.BadRequest(
                    $"invalid \"user-id\" filter: strconv.ParseUint: parsing {GoText.Quote(userIdText)}: invalid syntax");
        }

        var requestedTypes = Query.List(context, "types");
        var types = requestedTypes.Where(KnownTypes.Contains).ToList();
        if (requestedTypes.Count > 0 && types.Count == 0)
        {
            return Envelope.Sync(new JsonArray());
        }

        DateTimeOffset? after = null;
        var afterText = Query.Get(context, "after");
        if (afterText.Length > 0)
        {
            after = GoText.TryParseRfc3339(afterText, out var parsed) ? parsed
                : throw SimulatedPebbleException.BadRequest($"invalid \"after\" timestamp: parsing time {GoText.Quote(afterText)}");
        }

        var filter = new NoticeFilter
        {
            UserId = userId,
            AllUsers = users == "all",
            Types = types,
            Keys = Query.List(context, "keys"),
            After = after,
        };
        var timeoutText = Query.Get(context, "timeout");
        IReadOnlyList<SimulatedNotice> notices;
        if (timeoutText.Length > 0)
        {
            if (!GoDuration.TryParse(timeoutText, out var timeout, out var error))
            {
                throw SimulatedPebbleException.BadRequest($"invalid timeout: {error}");
            }

            notices = await request.Simulator.WaitNoticesAsync(filter, timeout, request.Aborted).ConfigureAwait(false);
        }
        else
        {
            notices = request.Simulator.GetNotices(filter);
        }

        return Envelope.Sync(new JsonArray(notices.Select(n => (JsonNode?)WireJson.Notice(n)).ToArray()));
    }

    private static async Task<Envelope?> PostNotice(PebbleRequest request)
    {
        var body = await request.BodyAsync(Decode).ConfigureAwait(false);
        var (action, type, key, repeatText) = PebbleRequest.Field(
            () => (body.String("action") ?? "", body.String("type") ?? "", body.String("key") ?? "", body.String("repeat-after") ?? ""),
            Decode);
        if (action != "add")
        {
            throw SimulatedPebbleException.BadRequest($"invalid action {GoText.Quote(action)}");
        }

        TimeSpan? repeatAfter = null;
        if (repeatText.Length > 0)
        {
            repeatAfter = GoDuration.TryParse(repeatText, out var parsed, out var error) ? parsed
                : throw SimulatedPebbleException.BadRequest($"invalid repeat-after: {error}");
        }

        var data = PebbleRequest.Field(() => body.StringMap("data"), "cannot decode notice data");
        var id = request.Simulator.Notify(key, data, repeatAfter, type);
        return Envelope.Sync(new JsonObject { ["id"] = id });
    }

    private static async Task<Envelope?> PostIdentities(PebbleRequest request)
    {
        var body = await request.BodyAsync(Decode).ConfigureAwait(false);
        var action = PebbleRequest.Field(() => body.String("action") ?? "", Decode);
        var identities = new Dictionary<string, SimulatedIdentity?>(StringComparer.Ordinal);
        if (body.Root.TryGetProperty("identities", out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in map.EnumerateObject())
            {
                identities[entry.Name] = entry.Value.ValueKind == JsonValueKind.Object ? ReadIdentity(entry.Name, entry.Value) : null;
            }
        }

        request.Simulator.ApplyIdentities(action, identities);
        return Envelope.SyncWithoutResult();
    }

    private static SimulatedIdentity ReadIdentity(string name, JsonElement json)
    {
        string? Text(JsonElement parent, string key) =>
            parent.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        uint? localUserId = null;
        if (json.TryGetProperty("local", out var local) && local.ValueKind == JsonValueKind.Object)
        {
            localUserId = local.TryGetProperty("user-id", out var uid) && uid.TryGetUInt32(out var value) ? value
                : throw Invalid(name, "local identity must specify user-id");
        }

        string? password = null;
        if (json.TryGetProperty("basic", out var basic) && basic.ValueKind == JsonValueKind.Object)
        {
            password = Text(basic, "password") is { Length: > 0 } hash ? hash : throw Invalid(name, "basic identity must specify password (hashed)");
        }

        string? pem = null;
        if (json.TryGetProperty("cert", out var cert) && cert.ValueKind == JsonValueKind.Object)
        {
            pem = Text(cert, "pem") ?? "";
        }

        return new SimulatedIdentity(Text(json, "access") ?? "", localUserId, password, pem);
    }

    private static SimulatedPebbleException Invalid(string name, string problem) =>
        SimulatedPebbleException.BadRequest($"invalid identity for {GoText.Quote(name)}: {problem}");
}
