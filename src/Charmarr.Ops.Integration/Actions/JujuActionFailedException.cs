namespace Charmarr.Ops.Integration.Actions;

/// <summary>An action ran and failed: the charm called <c>action-fail</c> or its process exited non-zero.</summary>
public sealed class JujuActionFailedException : Exception
{
    /// <summary>Creates the exception for a failed task.</summary>
    /// <param name="task">The task.</param>
    public JujuActionFailedException(ActionTask task)
        : base($"action failed: {task}")
    {
        Task = task;
    }

    /// <summary>Not for use: an action failure always has its task.</summary>
    public JujuActionFailedException()
        : this("action failed")
    {
    }

    /// <summary>Not for use: an action failure always has its task.</summary>
    /// <param name="message">The message.</param>
    public JujuActionFailedException(string message)
        : base(message)
    {
        Task = new ActionTask { Id = "", Unit = "", Status = "failed" };
    }

    /// <summary>Not for use: an action failure always has its task.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public JujuActionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Task = new ActionTask { Id = "", Unit = "", Status = "failed" };
    }

    /// <summary>The failed task: its message, results, stdout, stderr and log.</summary>
    public ActionTask Task { get; }
}
