namespace Charmarr.Ops.Pebble;

/// <summary>A command run with exec exited with a non-zero code.</summary>
public sealed class PebbleExecException : PebbleException
{
    /// <summary>Creates the exception.</summary>
    public PebbleExecException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PebbleExecException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PebbleExecException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a command that failed.</summary>
    /// <param name="command">The command and its arguments.</param>
    /// <param name="exitCode">Its exit code.</param>
    /// <param name="stdout">Its captured standard output (null when it was streamed elsewhere).</param>
    /// <param name="stderr">Its captured standard error (null when streamed or combined with stdout).</param>
    public PebbleExecException(IReadOnlyList<string> command, int exitCode, string? stdout, string? stderr)
        : base(Describe(command), Describe(exitCode, stderr), null)
    {
        Command = command;
        ExitCode = exitCode;
        Stdout = stdout;
        Stderr = stderr;
    }

    /// <summary>The command and its arguments.</summary>
    public IReadOnlyList<string> Command { get; } = [];

    /// <summary>The exit code.</summary>
    public int ExitCode { get; }

    /// <summary>The captured standard output, when captured.</summary>
    public string? Stdout { get; }

    /// <summary>The captured standard error, when captured separately.</summary>
    public string? Stderr { get; }

    /// <summary>Names an exec operation: <c>pebble exec</c> and the command, arguments with spaces quoted.</summary>
    /// <param name="command">The command and its arguments.</param>
    /// <returns>The operation's name.</returns>
    internal static string Describe(IReadOnlyList<string> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return "pebble exec " + string.Join(' ', command.Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"'{a}'" : a));
    }

    private static string Describe(int exitCode, string? stderr)
    {
        var tail = string.IsNullOrWhiteSpace(stderr) ? string.Empty : $": {LastLine(stderr)}";
        return $"exited with code {exitCode}{tail}";
    }

    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1];
}
