namespace Charmarr.PlexK8s.Claim;

/// <summary>The claim could not be done; the message says why and what to do, and never holds a token.</summary>
internal sealed class ClaimException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClaimException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why, and what to do.</param>
    public ClaimException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why, and what to do.</param>
    /// <param name="innerException">The cause (never one whose text could hold a token).</param>
    public ClaimException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
