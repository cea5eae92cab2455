namespace Charmarr.Ops.Testing.Pebble;

/// <summary>An error the simulated Pebble answers with: HTTP status, Pebble's message and, for some errors, a kind.</summary>
public sealed class SimulatedPebbleException : Exception
{
    /// <summary>Creates the error.</summary>
    public SimulatedPebbleException(int statusCode, string message, string? kind = null)
        : base(message)
    {
        StatusCode = statusCode;
        Kind = kind;
    }

    /// <summary>Creates a 500 error.</summary>
    public SimulatedPebbleException()
        : this(500, "internal error")
    {
    }

    /// <summary>Creates a 500 error with a message.</summary>
    public SimulatedPebbleException(string message)
        : this(500, message)
    {
    }

    /// <summary>Creates a 500 error with a message and cause.</summary>
    public SimulatedPebbleException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 500;
    }

    /// <summary>The HTTP status code (400, 404, 500, ...).</summary>
    public int StatusCode { get; }

    /// <summary>The error kind (<c>not-found</c>, <c>no-default-services</c>, ...), or null (most errors have none).</summary>
    public string? Kind { get; }

    internal static SimulatedPebbleException BadRequest(string message, string? kind = null) => new(400, message, kind);

    internal static SimulatedPebbleException NotFound(string message, string? kind = null) => new(404, message, kind);

    internal static SimulatedPebbleException Internal(string message) => new(500, message);
}
