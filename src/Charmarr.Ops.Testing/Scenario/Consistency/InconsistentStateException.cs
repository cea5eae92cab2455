namespace Charmarr.Ops.Testing.Scenario;

/// <summary>The input state (or the event against it) could not happen in Juju; <see cref="Problems"/> lists every reason.</summary>
public sealed class InconsistentStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InconsistentStateException()
        : this("the state is inconsistent")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public InconsistentStateException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    internal InconsistentStateException(string eventName, IReadOnlyList<string> problems)
        : base($"cannot run {eventName}: the input could not happen in Juju ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):\n - " + string.Join("\n - ", problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
