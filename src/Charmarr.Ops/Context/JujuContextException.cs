namespace Charmarr.Ops.Context;

/// <summary>The environment Juju gave the process is missing something or malformed.</summary>
public sealed class JujuContextException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JujuContextException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public JujuContextException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public JujuContextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
