namespace Charmarr.Ops.Pebble;

/// <summary>A file operation failed for one path (Pebble's per-path error in a files response).</summary>
public sealed class PebblePathException : PebbleException
{
    /// <summary>Creates the exception.</summary>
    public PebblePathException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PebblePathException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PebblePathException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from Pebble's per-path error.</summary>
    /// <param name="operation">The operation, e.g. <c>pebble pull /config/Preferences.xml</c>.</param>
    /// <param name="path">The path.</param>
    /// <param name="kind">The error kind: <c>not-found</c>, <c>permission-denied</c> or <c>generic-file-error</c>.</param>
    /// <param name="pathMessage">Pebble's message, verbatim.</param>
    public PebblePathException(string operation, string path, string kind, string pathMessage)
        : base(operation, $"{kind} - {pathMessage}", null)
    {
        Path = path;
        Kind = kind;
        PathMessage = pathMessage;
    }

    /// <summary>The path the error is about.</summary>
    public string Path { get; } = string.Empty;

    /// <summary>The error kind.</summary>
    public string Kind { get; } = string.Empty;

    /// <summary>Pebble's message, verbatim.</summary>
    public string PathMessage { get; } = string.Empty;

    /// <summary>True when the path does not exist.</summary>
    public bool IsNotFound => Kind == PebbleErrorKinds.NotFound;

    /// <summary>True when Pebble was not allowed to touch the path.</summary>
    public bool IsPermissionDenied => Kind == PebbleErrorKinds.PermissionDenied;
}
