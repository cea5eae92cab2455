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
            after = GoText.Rfc3339Error(afterText) is null && GoText.TryParseRfc3339(afterText, out var parsed) ? parsed
                : throw SimulatedPebbleException.BadRequest($"invalid \"after\" timestamp: {GoText.Rfc3339Error(afterText) ?? "parsing time " + GoText.Quote(afterText)}");
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
        var body = await request.BodyAsync(Decode, GoPayload.Notices).ConfigureAwait(false);
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

        var data = PebbleRequest.Field(() => body.StringMap("data", separately: true), "cannot decode notice data");
        var id = request.Simulator.Notify(key, data, repeatAfter, type);
        return Envelope.Sync(new JsonObject { ["id"] = id });
    }

    private static async Task<Envelope?> PostIdentities(PebbleRequest request)
    {
        var body = await request.BodyAsync(Decode, GoPayload.Identities).ConfigureAwait(false);
        var action = PebbleRequest.Field(() => body.String("action") ?? "", Decode);
        var identities = new Dictionary<string, SimulatedIdentity?>(StringComparer.Ordinal);
        if (body.Root.ValueKind == JsonValueKind.Object && body.Root.TryGetProperty("identities", out var map) && map.ValueKind != JsonValueKind.Null)
        {
            if (map.ValueKind != JsonValueKind.Object)
            {
                throw SimulatedPebbleException.BadRequest($"{Decode}: {body.Mismatch(map, "identities", "map[string]*daemon.apiIdentity").Message}");
            }

            var read = map.EnumerateObject().Select(entry => (entry.Name, Identity: entry.Value.ValueKind == JsonValueKind.Object
                ? PebbleRequest.Field(() => ReadJsonIdentity(entry.Value), Decode)
                : ((string Access, JsonElement? Local, string? Password, string? Pem)?)null)).ToList();
            foreach (var (name, identity) in read)
            {
                identities[name] = identity is { } i ? ToIdentity(name, i) : null;
            }
        }

        request.Simulator.ApplyIdentities(action, identities);
        return Envelope.SyncWithoutResult();
    }

    // Decoding first (Go's type errors), as Pebble's json.Decode runs before any identity is validated.
    private static (string Access, JsonElement? Local, string? Password, string? Pem) ReadJsonIdentity(JsonElement json)
    {
        string? Text(JsonElement parent, string owner, string path, string key, string goType) =>
            !parent.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null ? null
            : value.ValueKind == JsonValueKind.String ? value.GetString()
            : throw RequestBody.Mismatch(value, owner, $"identities.{path}{key}", goType);

        JsonElement? Object(string key, string goType) =>
            !json.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null ? null
            : value.ValueKind == JsonValueKind.Object ? value
            : throw RequestBody.Mismatch(value, "apiIdentity", "identities." + key, goType);

        var access = Text(json, "apiIdentity", "", "access", "identities.Access") ?? "";
        var local = Object("local", "daemon.apiLocalIdentity");
        if (local is { } l && l.TryGetProperty("user-id", out var uid) && uid.ValueKind != JsonValueKind.Null
            && (uid.ValueKind != JsonValueKind.Number || !uid.TryGetUInt32(out _)))
        {
            throw new FormatException($"json: cannot unmarshal {RequestBody.Kind(uid, numberFits: uid.ValueKind != JsonValueKind.Number)} into Go struct field apiLocalIdentity.identities.local.user-id of type uint32");
        }

        var basic = Object("basic", "daemon.apiBasicIdentity");
        var cert = Object("cert", "daemon.apiCertIdentity");
        var password = basic is { } b ? Text(b, "apiBasicIdentity", "basic.", "password", "string") ?? "" : null;
        var pem = cert is { } c ? Text(c, "apiCertIdentity", "cert.", "pem", "string") ?? "" : null;
        return (access, local, password, pem);
    }

    private static SimulatedIdentity ToIdentity(string name, (string Access, JsonElement? Local, string? Password, string? Pem) json)
    {
        uint? localUserId = null;
        if (json.Local is { } local)
        {
            localUserId = local.TryGetProperty("user-id", out var uid) && uid.ValueKind == JsonValueKind.Number && uid.TryGetUInt32(out var value) ? value
                : throw Invalid(name, "local identity must specify user-id");
        }

        var password = json.Password is null ? null
            : json.Password.Length > 0 ? json.Password : throw Invalid(name, "basic identity must specify password (hashed)");
        return new SimulatedIdentity(json.Access, localUserId, password, json.Pem);
    }

    private static SimulatedPebbleException Invalid(string name, string problem) =>
        SimulatedPebbleException.BadRequest($"invalid identity for {GoText.Quote(name)}: {problem}");
}
