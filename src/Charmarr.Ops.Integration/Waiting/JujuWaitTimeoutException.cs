using Charmarr.Ops.Integration.Status;

namespace Charmarr.Ops.Integration.Waiting;

/// <summary><see cref="JujuClient.WaitAsync"/> ran out of time; the message shows the condition and the last status.</summary>
public sealed class JujuWaitTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="condition">The condition waited for.</param>
    /// <param name="timeout">How long it waited.</param>
    /// <param name="lastStatus">The last status read.</param>
    public JujuWaitTimeoutException(StatusCondition condition, TimeSpan timeout, JujuStatus? lastStatus)
        : base($"timed out after {timeout} waiting for {condition?.Description}; last status:\n{StatusSummary.Render(lastStatus)}")
    {
        LastStatus = lastStatus;
    }

    /// <summary>Not for use: a timeout always has its condition.</summary>
    public JujuWaitTimeoutException()
    {
    }

    /// <summary>Not for use: a timeout always has its condition.</summary>
    /// <param name="message">The message.</param>
    public JujuWaitTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Not for use: a timeout always has its condition.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public JujuWaitTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The last status read, if any.</summary>
    public JujuStatus? LastStatus { get; }
}
