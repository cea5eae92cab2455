namespace Charmarr.Ops.Model;

/// <summary>
/// A condition the operator must fix (bad config, a missing relation, a missing trust grant). Thrown from a handler,
/// the dispatcher sets the unit status to <c>blocked</c> with this message and exits 0, so Juju does not retry
/// a hook that cannot succeed. Stored state and deferrals of this dispatch are not committed.
/// </summary>
public class CharmBlockedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CharmBlockedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What the operator should do.</param>
    public CharmBlockedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What the operator should do.</param>
    /// <param name="innerException">The cause.</param>
    public CharmBlockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
