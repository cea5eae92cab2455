using System.Diagnostics.CodeAnalysis;

namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// A Kubernetes API call failed: the API server answered with an error status (<see cref="StatusCode"/>), or could
/// not be reached (<see cref="KubernetesConnectionException"/>). The message names the call, the object and the
/// API server's own explanation, and is fit to show to the operator.
/// </summary>
public class KubernetesException : Exception
{
    /// <summary>Why the status-specific subclasses have only the constructor that records the status.</summary>
    private protected const string StatusOnly = "Made only for an answer of the API server, whose status and reason it records.";

    /// <summary>Creates the exception.</summary>
    public KubernetesException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public KubernetesException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public KubernetesException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an error status from the API server.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status code, e.g. 409.</param>
    /// <param name="reason">The <c>reason</c> of the API server's <c>Status</c> body, e.g. <c>Conflict</c>, when it gave one.</param>
    /// <param name="innerException">The cause, if any.</param>
    public KubernetesException(string message, int statusCode, string? reason, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Reason = reason;
    }

    /// <summary>The HTTP status code the API server answered with, or <see langword="null"/> when it was not reached.</summary>
    public int? StatusCode { get; }

    /// <summary>The <c>reason</c> of the API server's <c>Status</c> body (e.g. <c>Forbidden</c>, <c>Conflict</c>), when it gave one.</summary>
    public string? Reason { get; }

    /// <summary>
    /// Whether trying the same call again later may succeed: conflicts (409), throttling (429), server errors (5xx)
    /// and an unreachable API server.
    /// </summary>
    public bool IsTransient => this is KubernetesConnectionException || StatusCode is 409 or 429 or >= 500;
}

/// <summary>
/// The API server refused the call (403): the charm's service account may not read or patch its StatefulSet.
/// The message tells the operator to run <c>juju trust &lt;app&gt; --scope=cluster</c> (or to deploy with
/// <c>--trust</c>); a charm can show it as its Blocked status.
/// </summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = StatusOnly)]
public sealed class KubernetesForbiddenException : KubernetesException
{
    /// <summary>Creates the exception for a 403 from the API server.</summary>
    /// <param name="message">What went wrong and what the operator should do.</param>
    /// <param name="reason">The <c>reason</c> of the <c>Status</c> body.</param>
    /// <param name="innerException">The cause, if any.</param>
    public KubernetesForbiddenException(string message, string? reason, Exception? innerException = null)
        : base(message, 403, reason, innerException)
    {
    }
}

/// <summary>The object does not exist (404): e.g. no StatefulSet named after the application in the model's namespace.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = StatusOnly)]
public sealed class KubernetesNotFoundException : KubernetesException
{
    /// <summary>Creates the exception for a 404 from the API server.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="reason">The <c>reason</c> of the <c>Status</c> body.</param>
    /// <param name="innerException">The cause, if any.</param>
    public KubernetesNotFoundException(string message, string? reason, Exception? innerException = null)
        : base(message, 404, reason, innerException)
    {
    }
}

/// <summary>The API server could not be reached (connection refused or reset, DNS failure, TLS failure, time-out).</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always made from the transport's exception, which it carries.")]
public sealed class KubernetesConnectionException : KubernetesException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The transport's exception.</param>
    public KubernetesConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The hook's time budget for Kubernetes calls (<see cref="KubernetesRetryPolicy.Budget"/>) ran out: the API server
/// accepted connections but did not answer in time, through every retry. The message says so and what to check; the
/// charm may show it as its status and try again on its next event.
/// </summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always made by the reconciler when its budget runs out.")]
public sealed class KubernetesTimeoutException : KubernetesException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What timed out and what to check.</param>
    /// <param name="budget">The budget that ran out.</param>
    /// <param name="innerException">The last failure before it ran out, if any.</param>
    public KubernetesTimeoutException(string message, TimeSpan budget, Exception? innerException = null)
        : base(message, innerException)
    {
        Budget = budget;
    }

    /// <summary>The budget that ran out.</summary>
    public TimeSpan Budget { get; }
}
