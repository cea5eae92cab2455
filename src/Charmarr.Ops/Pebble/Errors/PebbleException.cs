namespace Charmarr.Ops.Pebble;

/// <summary>
/// A Pebble operation failed. Every Pebble error a charm can see derives from this type, and its message names the
/// operation (e.g. <c>pebble push /config/a.xml</c>) so a log line says what was being done.
/// </summary>
public class PebbleException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PebbleException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PebbleException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PebbleException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a named operation.</summary>
    /// <param name="operation">The operation, e.g. <c>start services</c>.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause, when there is one.</param>
    protected PebbleException(string operation, string message, Exception? innerException)
        : base($"{operation}: {message}", innerException)
    {
        Operation = operation;
    }

    /// <summary>The operation that failed, e.g. <c>replan services</c>; null when not known.</summary>
    public string? Operation { get; }
}
