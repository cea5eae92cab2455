namespace Charmarr.Ops.Pebble;

/// <summary>
/// Pebble could not be reached: the socket is absent (the workload container is not up yet, or restarted), the
/// connection was refused, timed out, or closed in the middle of a response. Usually a charm answers it with
/// <c>Waiting</c> and tries again on the next event.
/// </summary>
public sealed class PebbleConnectionException : PebbleException
{
    /// <summary>Creates the exception.</summary>
    public PebbleConnectionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PebbleConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PebbleConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a named operation.</summary>
    /// <param name="operation">The operation that could not be sent.</param>
    /// <param name="socketPath">The socket it tried.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PebbleConnectionException(string operation, string socketPath, string message, Exception? innerException)
        : base(operation, message, innerException)
    {
        SocketPath = socketPath;
    }

    /// <summary>The unix socket that was tried, when known.</summary>
    public string? SocketPath { get; }
}
