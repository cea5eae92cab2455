using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Charmarr.Ops.Testing.Kubernetes;

/// <summary>Kubernetes <c>Status</c> failure bodies, as the API server sends with every error, and the reasons it gives per status code.</summary>
internal static partial class KubernetesStatus
{
    /// <summary>The HTTP reason phrase of a status code.</summary>
    /// <param name="statusCode">The code.</param>
    /// <returns>E.g. <c>Not Found</c>.</returns>
    public static string Phrase(int statusCode) =>
        Enum.IsDefined((HttpStatusCode)statusCode) ? SpacedWords().Replace(((HttpStatusCode)statusCode).ToString(), " $1") : "Status";

    /// <summary>The <c>reason</c> the API server gives for a status code (mostly the code's name; its own words for a few).</summary>
    /// <param name="statusCode">The code.</param>
    /// <returns>E.g. <c>NotFound</c>, <c>Invalid</c>.</returns>
    public static string Reason(int statusCode) => statusCode switch
    {
        422 => "Invalid",
        500 or 502 => "InternalError",
        504 => "Timeout",
        _ when Enum.IsDefined((HttpStatusCode)statusCode) => ((HttpStatusCode)statusCode).ToString(),
        _ => "Unknown",
    };

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
            ["reason"] = Reason(statusCode),
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

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex SpacedWords();
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
