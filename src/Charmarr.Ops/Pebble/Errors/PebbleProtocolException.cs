namespace Charmarr.Ops.Pebble;

/// <summary>Pebble's answer could not be understood (wrong content type, malformed JSON or multipart).</summary>
public sealed class PebbleProtocolException : PebbleException
{
    /// <summary>Creates the exception.</summary>
    public PebbleProtocolException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PebbleProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PebbleProtocolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a named operation.</summary>
    /// <param name="operation">The operation whose response was malformed.</param>
    /// <param name="message">What was wrong with it.</param>
    /// <param name="innerException">The cause, when there is one.</param>
    public PebbleProtocolException(string operation, string message, Exception? innerException)
        : base(operation, message, innerException)
    {
    }
}
