using Charmarr.Ops.Integration.Status;

namespace Charmarr.Ops.Integration.Waiting;

/// <summary><see cref="JujuClient.WaitAsync"/> saw its error condition (e.g. a unit in error); the message shows the
/// condition and the status that met it.</summary>
public sealed class JujuWaitErrorException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="condition">The error condition that was met.</param>
    /// <param name="status">The status that met it.</param>
    public JujuWaitErrorException(StatusCondition condition, JujuStatus status)
        : base($"error condition met while waiting: {condition?.Description}; status:\n{StatusSummary.Render(status)}")
    {
        Status = status;
    }

    /// <summary>Not for use: an error always has its condition and status.</summary>
    public JujuWaitErrorException()
    {
    }

    /// <summary>Not for use: an error always has its condition and status.</summary>
    /// <param name="message">The message.</param>
    public JujuWaitErrorException(string message)
        : base(message)
    {
    }

    /// <summary>Not for use: an error always has its condition and status.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public JujuWaitErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The status that met the error condition.</summary>
    public JujuStatus? Status { get; }
}
