namespace Charmarr.Ops.State;

/// <summary>Stored state could not be read or written: the message says which key and why.</summary>
public sealed class StoredStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoredStateException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public StoredStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public StoredStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
