namespace Charmarr.Ops.Backend;

/// <summary>
/// Juju refused or failed an operation: a hook tool exited non-zero, or its output could not be understood.
/// The message is Juju's own (without its <c>ERROR </c> prefix) with the tool named.
/// </summary>
public class JujuModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JujuModelException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public JujuModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public JujuModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed hook tool.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="tool">The hook tool, e.g. <c>relation-get</c>.</param>
    /// <param name="exitCode">Its exit code.</param>
    /// <param name="stderr">What it wrote to standard error.</param>
    public JujuModelException(string message, string tool, int exitCode, string stderr)
        : base(message)
    {
        Tool = tool;
        ExitCode = exitCode;
        Stderr = stderr;
    }

    /// <summary>The hook tool that failed, when one did.</summary>
    public string? Tool { get; }

    /// <summary>The tool's exit code, when a tool failed.</summary>
    public int? ExitCode { get; }

    /// <summary>The tool's standard error, when a tool failed.</summary>
    public string? Stderr { get; }
}

/// <summary>The relation does not exist (any more): <c>relation not found</c>.</summary>
public sealed class RelationNotFoundException : JujuModelException
{
    /// <summary>Creates the exception.</summary>
    public RelationNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public RelationNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RelationNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed hook tool.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="tool">The hook tool.</param>
    /// <param name="exitCode">Its exit code.</param>
    /// <param name="stderr">Its standard error.</param>
    public RelationNotFoundException(string message, string tool, int exitCode, string stderr)
        : base(message, tool, exitCode, stderr)
    {
    }
}

/// <summary>Only the leader may do this, or Juju denied permission (<c>not the leader</c>, <c>permission denied</c>, <c>cannot write relation settings</c>).</summary>
public sealed class PermissionDeniedException : JujuModelException
{
    /// <summary>Creates the exception.</summary>
    public PermissionDeniedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PermissionDeniedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PermissionDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed hook tool.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="tool">The hook tool.</param>
    /// <param name="exitCode">Its exit code.</param>
    /// <param name="stderr">Its standard error.</param>
    public PermissionDeniedException(string message, string tool, int exitCode, string stderr)
        : base(message, tool, exitCode, stderr)
    {
    }
}

/// <summary>The secret does not exist, or this unit may not see it.</summary>
public sealed class SecretNotFoundException : JujuModelException
{
    /// <summary>Creates the exception.</summary>
    public SecretNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public SecretNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public SecretNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed hook tool.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="tool">The hook tool.</param>
    /// <param name="exitCode">Its exit code.</param>
    /// <param name="stderr">Its standard error.</param>
    public SecretNotFoundException(string message, string tool, int exitCode, string stderr)
        : base(message, tool, exitCode, stderr)
    {
    }
}
