namespace Charmarr.Ops.Pebble;

/// <summary>A change (a service start, a replan, an exec...) finished with an error.</summary>
public sealed class PebbleChangeException : PebbleException
{
    /// <summary>Creates the exception.</summary>
    public PebbleChangeException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PebbleChangeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PebbleChangeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed change.</summary>
    /// <param name="operation">The operation that made the change.</param>
    /// <param name="change">The change, as Pebble reported it.</param>
    public PebbleChangeException(string operation, PebbleChange change)
        : base(operation, Describe(change), null)
    {
        Change = change;
    }

    /// <summary>The failed change, with its tasks and their logs.</summary>
    public PebbleChange? Change { get; }

    /// <summary>The change's error text (<c>cannot perform the following tasks: ...</c>).</summary>
    public string Err => Change?.Err ?? Message;

    private static string Describe(PebbleChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var logs = change.Tasks.SelectMany(t => t.Log).ToList();
        return logs.Count == 0
            ? $"change {change.Id} failed: {change.Err}"
            : $"change {change.Id} failed: {change.Err}\n----- Logs from tasks -----\n{string.Join('\n', logs)}";
    }
}
