namespace Charmarr.Ops.Model;

/// <summary>
/// The charm's configuration is wrong in a way the operator can fix with <c>juju config</c>. Thrown from a handler,
/// the dispatcher sets the unit to <c>blocked</c> with this message and ends the hook successfully instead of failing it.
/// </summary>
public sealed class InvalidConfigException : CharmBlockedException
{
    /// <summary>Creates the exception.</summary>
    public InvalidConfigException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public InvalidConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
