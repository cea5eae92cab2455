namespace Charmarr.Ops.Testing.Pebble.Files;

/// <summary>A per-path file error: Pebble's kind (<c>not-found</c>, <c>permission-denied</c>, <c>generic-file-error</c>) and message.</summary>
internal sealed class FileOperationException(string kind, string message) : Exception(message)
{
    public string Kind { get; } = kind;

    public static FileOperationException NotFound(string message) => new("not-found", message);

    public static FileOperationException Denied(string message) => new("permission-denied", message);

    public static FileOperationException Generic(string message) => new("generic-file-error", message);
}
