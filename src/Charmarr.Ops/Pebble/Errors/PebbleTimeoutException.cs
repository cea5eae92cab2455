namespace Charmarr.Ops.Pebble;

/// <summary>Waiting for Pebble (a change, a command) took longer than allowed.</summary>
public sealed class PebbleTimeoutException : PebbleException
{
    /// <summary>Creates the exception.</summary>
    public PebbleTimeoutException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PebbleTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PebbleTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an operation that timed out.</summary>
    /// <param name="operation">The operation, e.g. <c>wait for change 7</c>.</param>
    /// <param name="timeout">How long it waited.</param>
    /// <param name="innerException">The cause, when there is one.</param>
    public PebbleTimeoutException(string operation, TimeSpan timeout, Exception? innerException = null)
        : base(operation, $"timed out after {timeout.TotalSeconds:0.###}s", innerException)
    {
        Timeout = timeout;
    }

    /// <summary>How long it waited.</summary>
    public TimeSpan Timeout { get; }
}
