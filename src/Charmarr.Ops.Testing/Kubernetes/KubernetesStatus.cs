using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing.Kubernetes;

/// <summary>Kubernetes <c>Status</c> failure bodies, as the API server sends with every error, and the reasons it gives per status code.</summary>
internal static class KubernetesStatus
{
    private static readonly Dictionary<int, (string Reason, string Phrase)> Reasons = new()
    {
        [400] = ("BadRequest", "Bad Request"),
        [401] = ("Unauthorized", "Unauthorized"),
        [403] = ("Forbidden", "Forbidden"),
        [404] = ("NotFound", "Not Found"),
        [405] = ("MethodNotAllowed", "Method Not Allowed"),
        [409] = ("Conflict", "Conflict"),
        [415] = ("UnsupportedMediaType", "Unsupported Media Type"),
        [422] = ("Invalid", "Unprocessable Entity"),
        [429] = ("TooManyRequests", "Too Many Requests"),
        [500] = ("InternalError", "Internal Server Error"),
        [502] = ("InternalError", "Bad Gateway"),
        [503] = ("ServiceUnavailable", "Service Unavailable"),
        [504] = ("Timeout", "Gateway Timeout"),
    };

    /// <summary>The HTTP reason phrase of a status code.</summary>
    /// <param name="statusCode">The code.</param>
    /// <returns>E.g. <c>Not Found</c>.</returns>
    public static string Phrase(int statusCode) =>
        statusCode is >= 200 and < 300 ? "OK" : Reasons.TryGetValue(statusCode, out var r) ? r.Phrase : "Error";

    /// <summary>A failure response with a <c>Status</c> body.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="message">The message.</param>
    /// <param name="name">The object's name, when the failure is about one.</param>
    /// <returns>The response.</returns>
    public static SimulatedResponse Failure(int statusCode, string message, string? name = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = Reasons.TryGetValue(statusCode, out var r) ? r.Reason : "Unknown",
            ["code"] = statusCode,
        };
        if (name is not null)
        {
            status["details"] = new JsonObject { ["name"] = name, ["group"] = "apps", ["kind"] = "statefulsets" };
        }

        return new SimulatedResponse(statusCode, status.ToJsonString());
    }

    /// <summary>The failure the API server gives for an injected status code, with its usual message.</summary>
    /// <param name="statusCode">The code.</param>
    /// <param name="verb">The request's verb, e.g. <c>patch</c>.</param>
    /// <param name="namespaceName">The namespace.</param>
    /// <param name="name">The StatefulSet's name.</param>
    /// <returns>The response.</returns>
    public static SimulatedResponse Injected(int statusCode, string verb, string namespaceName, string name) => Failure(statusCode, statusCode switch
    {
        403 => $"statefulsets.apps \"{name}\" is forbidden: User \"system:serviceaccount:{namespaceName}:{name}\" cannot {verb} resource \"statefulsets\" in API group \"apps\" in the namespace \"{namespaceName}\"",
        404 => $"statefulsets.apps \"{name}\" not found",
        409 => $"Operation cannot be fulfilled on statefulsets.apps \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
        429 => "the server has received too many requests and has asked us to try again later",
        _ => $"the simulator was told to fail this request with {statusCode}",
    }, name);
}

/// <summary>A request to the simulator, from either face.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, without the query.</param>
/// <param name="Query">The query, without <c>?</c>, or <see langword="null"/>.</param>
/// <param name="ContentType">The <c>Content-Type</c> header, or <see langword="null"/>.</param>
/// <param name="Body">The body, or <see langword="null"/>.</param>
internal sealed record SimulatedRequest(string Method, string Path, string? Query, string? ContentType, string? Body);

/// <summary>The simulator's answer.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Body">The JSON body.</param>
internal sealed record SimulatedResponse(int StatusCode, string Body)
{
    /// <summary>Whether the status is a success.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
