namespace Charmarr.Ops.Tests.Pebble.Server;

/// <summary>Pebble's response envelopes (reference §1.3), as canned replies.</summary>
internal static class Envelopes
{
    public static BodyReply Sync(string resultJson, int status = 200) =>
        new(status, $"{{\"type\":\"sync\",\"status-code\":{status},\"status\":\"{Reply.Reason(status)}\",\"result\":{resultJson}}}");

    public static BodyReply Async(string change, string resultJson = "null") =>
        new(202, $"{{\"type\":\"async\",\"status-code\":202,\"status\":\"Accepted\",\"change\":\"{change}\",\"result\":{resultJson}}}");

    public static BodyReply Error(int status, string message, string? kind = null) =>
        new(status, $"{{\"type\":\"error\",\"status-code\":{status},\"status\":\"{Reply.Reason(status)}\",\"result\":{{\"message\":{Json(message)}{(kind is null ? "" : $",\"kind\":\"{kind}\"")}}}}}");

    public static string Json(string text) => "\"" + System.Text.Json.JsonEncodedText.Encode(text).ToString() + "\"";

    /// <summary>A change as Pebble renders it.</summary>
    public static string Change(string id, string status = "Done", bool ready = true, string? err = null, string? exitCode = null, string kind = "start") =>
        $$"""
        {"id":"{{id}}","kind":"{{kind}}","summary":"Start service \"svc\"","status":"{{status}}","tasks":[{"id":"{{id}}0","kind":"{{kind}}","summary":"Start service \"svc\"","status":"{{status}}","log":["2024-01-02T03:04:05Z INFO Most recent message"],"progress":{"label":"","done":1,"total":1},"spawn-time":"2024-01-02T03:04:05.123456789Z"{{(exitCode is null ? "" : $",\"data\":{{\"exit-code\":{exitCode}}}")}}}],"ready":{{(ready ? "true" : "false")}}{{(err is null ? "" : $",\"err\":{Json(err)}")}},"spawn-time":"2024-01-02T03:04:05.123456789Z"{{(ready ? ",\"ready-time\":\"2024-01-02T03:04:06Z\"" : "")}}}
        """;
}
