namespace Charmarr.Cli;

/// <summary>A problem the user can fix; the tool prints the message (no stack trace) and exits 1.</summary>
internal sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
