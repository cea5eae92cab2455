using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// Turns an error answer of the Kubernetes API into the matching <see cref="KubernetesException"/>: the one place
/// errors are mapped, shared by the production client and the Testing simulator so both raise the same exceptions.
/// </summary>
internal static class KubernetesErrors
{
    private const int MaxShownBody = 300;

    /// <summary>The exception for an error status.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="body">The response body, normally a Kubernetes <c>Status</c> object.</param>
    /// <param name="verb">What was attempted, e.g. <c>get</c> or <c>patch</c>.</param>
    /// <param name="namespaceName">The StatefulSet's namespace.</param>
    /// <param name="name">The StatefulSet's name (the application's name).</param>
    /// <param name="innerException">The client's own exception, if any.</param>
    /// <returns>The exception to throw.</returns>
    public static KubernetesException FromStatus(
        int statusCode, string? body, string verb, string namespaceName, string name, Exception? innerException = null)
    {
        var (apiMessage, reason) = ParseStatus(body);
        var said = apiMessage is null ? string.Empty : $": {apiMessage}";
        var code = string.Create(CultureInfo.InvariantCulture, $"{statusCode} {reason ?? "error"}");
        var target = $"StatefulSet {namespaceName}/{name}";
        return statusCode switch
        {
            403 => new KubernetesForbiddenException(
                $"Kubernetes does not allow the charm to {verb} {target} ({code}{said}). "
                + $"Give the application access to the cluster: run `juju trust {name} --scope=cluster`, or deploy it with --trust.",
                reason,
                innerException),
            404 => new KubernetesNotFoundException(
                $"{target} was not found ({code}{said}). The charm patches the StatefulSet Juju created for its application, "
                + "named after the application in the model's namespace.",
                reason,
                innerException),
            _ => new KubernetesException($"Kubernetes could not {verb} {target} ({code}{said}).", statusCode, reason, innerException),
        };
    }

    /// <summary>The exception for an API server that could not be reached.</summary>
    /// <param name="verb">What was attempted.</param>
    /// <param name="namespaceName">The StatefulSet's namespace.</param>
    /// <param name="name">The StatefulSet's name.</param>
    /// <param name="innerException">The transport's exception.</param>
    /// <returns>The exception to throw.</returns>
    public static KubernetesConnectionException Unreachable(string verb, string namespaceName, string name, Exception innerException) =>
        new($"Cannot reach the Kubernetes API server to {verb} StatefulSet {namespaceName}/{name}: {innerException.Message}", innerException);

    /// <summary>The <c>message</c> and <c>reason</c> of a Kubernetes <c>Status</c> body; for any other body, its start as the message.</summary>
    /// <param name="body">The response body.</param>
    /// <returns>The message (or <see langword="null"/> for an empty body) and the reason (or <see langword="null"/>).</returns>
    public static (string? Message, string? Reason) ParseStatus(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            if (JsonNode.Parse(body) is JsonObject status)
            {
                return (Text(status["message"]), Text(status["reason"]));
            }
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            // Not JSON (a proxy's HTML page, say), or JSON whose message cannot be decoded: show its start instead.
        }

        var trimmed = body.Trim();
        return (trimmed.Length > MaxShownBody ? trimmed[..MaxShownBody] + "…" : trimmed, null);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
