namespace Charmarr.Ops.Testing.Kubernetes;

/// <summary>
/// A patch could not be applied. <see cref="StatusCode"/> is what the Kubernetes API server answers for it: 400 for a
/// malformed patch, 422 for a well-formed one that does not apply (a failed JSON-patch <c>test</c>, a missing path).
/// </summary>
public sealed class PatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PatchException()
        : this("The patch could not be applied.")
    {
    }

    /// <summary>Creates the exception for a patch that does not apply (422).</summary>
    /// <param name="message">What went wrong.</param>
    public PatchException(string message)
        : this(message, 422)
    {
    }

    /// <summary>Creates the exception for a patch that does not apply (422), with a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PatchException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 422;
    }

    /// <summary>Creates the exception with the status the API server would answer.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">400 (malformed) or 422 (does not apply).</param>
    public PatchException(string message, int statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status the API server answers for this failure.</summary>
    public int StatusCode { get; }

    /// <summary>A malformed patch (400).</summary>
    /// <param name="message">What is wrong with it.</param>
    /// <returns>The exception.</returns>
    internal static PatchException BadRequest(string message) => new(message, 400);
}
