using System.Text.Json.Nodes;
using Charmarr.Ops.Testing.Pebble.Json;

namespace Charmarr.Ops.Testing.Pebble.Server;

/// <summary>One response envelope (§1.3): <c>type, status-code, status, change, result</c> in that order.</summary>
internal sealed record Envelope(string Type, int StatusCode, string? Change, JsonNode? Result, bool HasResult)
{
    public static Envelope Sync(JsonNode? result) => new("sync", 200, null, result, result is not null);

    /// <summary>A sync response without a <c>result</c> key (Go's <c>SyncResponse(nil)</c>).</summary>
    public static Envelope SyncWithoutResult() => new("sync", 200, null, null, false);

    /// <summary>An async (202) response; Pebble's services and exec send <c>"result": null</c> or an object.</summary>
    public static Envelope Async(string change, JsonNode? result) => new("async", 202, change, result, true);

    public static Envelope Error(int statusCode, string message, string? kind = null) =>
        new("error", statusCode, null, WireJson.ErrorResult(message, kind), true);

    public static Envelope From(SimulatedPebbleException error) => Error(error.StatusCode, error.Message, error.Kind);

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["type"] = Type,
            ["status-code"] = StatusCode,
            ["status"] = StatusText(StatusCode),
        };
        if (Change is not null)
        {
            json["change"] = Change;
        }

        if (HasResult)
        {
            json["result"] = Result;
        }

        return json;
    }

    public byte[] ToUtf8() => GoJson.SerializeToUtf8(ToJson());

    /// <summary>Go's <c>http.StatusText</c> for the codes Pebble uses.</summary>
    public static string StatusText(int code) => code switch
    {
        200 => "OK",
        202 => "Accepted",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Request Entity Too Large",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    };
}
