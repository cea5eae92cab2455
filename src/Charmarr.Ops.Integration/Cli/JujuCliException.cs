namespace Charmarr.Ops.Integration.Cli;

/// <summary>A <c>juju</c> command exited non-zero, or printed what the client cannot read.</summary>
public class JujuCliException : Exception
{
    /// <summary>Creates the exception for a command and its result.</summary>
    /// <param name="command">The command that failed.</param>
    /// <param name="result">What it answered.</param>
    /// <param name="problem">What went wrong, when it is not the exit code itself.</param>
    /// <param name="inner">The parse error, if any.</param>
    public JujuCliException(JujuCommand command, JujuCommandResult result, string? problem = null, Exception? inner = null)
        : base(Describe(command, result, problem), inner)
    {
        Command = command;
        Result = result;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public JujuCliException()
        : this(new JujuCommand([]), new JujuCommandResult(-1, "", ""))
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public JujuCliException(string message)
        : base(message)
    {
        Command = new JujuCommand([]);
        Result = new JujuCommandResult(-1, "", "");
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public JujuCliException(string message, Exception innerException)
        : base(message, innerException)
    {
        Command = new JujuCommand([]);
        Result = new JujuCommandResult(-1, "", "");
    }

    /// <summary>The command that failed.</summary>
    public JujuCommand Command { get; }

    /// <summary>Its exit code and output.</summary>
    public JujuCommandResult Result { get; }

    /// <summary>The command's stderr (Juju's <c>ERROR …</c> lines).</summary>
    public string StandardError => Result.StandardError;

    private static string Describe(JujuCommand command, JujuCommandResult result, string? problem)
    {
        var what = problem ?? $"exited {result.ExitCode}";
        var stderr = result.StandardError.Trim();
        return stderr.Length == 0 ? $"{command}: {what}" : $"{command}: {what}\n{stderr}";
    }
}
