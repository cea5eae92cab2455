namespace Charmarr.Ops.Pebble;

/// <summary>Pebble answered with an error envelope (HTTP status ≥ 400).</summary>
public sealed class PebbleApiException : PebbleException
{
    /// <summary>Creates the exception.</summary>
    public PebbleApiException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PebbleApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PebbleApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from Pebble's error envelope.</summary>
    /// <param name="operation">The operation that failed.</param>
    /// <param name="statusCode">The HTTP status code, e.g. 400.</param>
    /// <param name="status">The HTTP reason phrase, e.g. <c>Bad Request</c>.</param>
    /// <param name="kind">The error kind (e.g. <c>not-found</c>); most Pebble errors have none.</param>
    /// <param name="apiMessage">Pebble's message, verbatim.</param>
    public PebbleApiException(string operation, int statusCode, string status, string? kind, string apiMessage)
        : base(operation, $"{statusCode} {status}: {apiMessage}", null)
    {
        StatusCode = statusCode;
        Status = status;
        Kind = kind;
        ApiMessage = apiMessage;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The HTTP reason phrase.</summary>
    public string Status { get; } = string.Empty;

    /// <summary>Pebble's error kind (<c>not-found</c>, <c>permission-denied</c>, <c>generic-file-error</c>,
    /// <c>no-default-services</c>, <c>login-required</c>), or null.</summary>
    public string? Kind { get; }

    /// <summary>Pebble's message, verbatim.</summary>
    public string ApiMessage { get; } = string.Empty;
}
