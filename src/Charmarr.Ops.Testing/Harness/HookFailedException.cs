namespace Charmarr.Ops.Testing;

/// <summary>
/// A dispatched event failed: the charm exited non-zero, as Juju would see it (the unit goes into error and Juju retries
/// the hook). The charm's exception, when it threw one, is the <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class HookFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HookFailedException()
        : this("a hook failed")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    public HookFailedException(string message)
        : base(message)
    {
        EventName = "";
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The charm's exception.</param>
    public HookFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
        EventName = "";
    }

    internal HookFailedException(string eventName, int exitCode, Exception? charmException, IReadOnlyList<string> errorLogs)
        : base(Describe(eventName, exitCode, charmException, errorLogs), charmException)
    {
        EventName = eventName;
        ExitCode = exitCode;
    }

    /// <summary>The hook or action that failed, e.g. <c>db-relation-changed</c>.</summary>
    public string EventName { get; }

    /// <summary>The charm's exit code.</summary>
    public int ExitCode { get; }

    private static string Describe(string eventName, int exitCode, Exception? charmException, IReadOnlyList<string> errorLogs)
    {
        var what = charmException is not null
            ? $"{charmException.GetType().Name}: {charmException.Message}"
            : errorLogs.Count > 0 ? string.Join(" | ", errorLogs) : "no exception was logged";
        return $"{eventName} failed with exit code {exitCode}: {what}. Juju would put the unit in error and retry the hook; " +
               "the hook's relation data, stored state, ports and secrets were rolled back.";
    }
}
