namespace Charmarr.Ops.Metadata;

/// <summary>A charm metadata file is missing or wrong. The message reads <c>file:line:column: what is wrong</c>.</summary>
public sealed class CharmMetadataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CharmMetadataException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public CharmMetadataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CharmMetadataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a place in a file.</summary>
    /// <param name="file">The file name.</param>
    /// <param name="line">The 1-based line, or 0 when unknown.</param>
    /// <param name="column">The 1-based column, or 0 when unknown.</param>
    /// <param name="problem">What is wrong there.</param>
    public CharmMetadataException(string file, long line, long column, string problem)
        : base(line > 0 ? $"{file}:{line}:{column}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file at fault.</summary>
    public string? File { get; }

    /// <summary>The 1-based line, or 0 when unknown.</summary>
    public long Line { get; }

    /// <summary>The 1-based column, or 0 when unknown.</summary>
    public long Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string? Problem { get; }
}
