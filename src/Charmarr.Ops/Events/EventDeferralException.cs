namespace Charmarr.Ops.Events;

/// <summary>An event that cannot be deferred was deferred: the message says why and what to do instead.</summary>
public sealed class EventDeferralException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public EventDeferralException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Why the event cannot be deferred.</param>
    public EventDeferralException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">Why the event cannot be deferred.</param>
    /// <param name="innerException">The cause.</param>
    public EventDeferralException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
