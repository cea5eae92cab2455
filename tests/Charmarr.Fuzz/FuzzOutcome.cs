namespace Charmarr.Fuzz;

/// <summary>What a parser did with one input.</summary>
public enum FuzzVerdict
{
    /// <summary>The input was read (and every property held).</summary>
    Accepted,

    /// <summary>The input was refused with one of the parser's documented typed exceptions.</summary>
    Rejected,

    /// <summary>An exception the parser does not document escaped: a defect.</summary>
    Unhandled,

    /// <summary>The input was read but a property (round trip, idempotence) did not hold: a defect.</summary>
    PropertyFailed,

    /// <summary>The parser did not finish within the bound: a defect (set by the runner, never by a target).</summary>
    Hang,
}

/// <summary>The verdict on one input, with the exception or the broken property when there is one.</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="Error">The exception that escaped or refused the input.</param>
/// <param name="Detail">What property failed, when one did.</param>
public sealed record FuzzOutcome(FuzzVerdict Verdict, Exception? Error = null, string? Detail = null)
{
    /// <summary>Accepted.</summary>
    public static FuzzOutcome Accepted { get; } = new(FuzzVerdict.Accepted);

    /// <summary>Whether the outcome is a defect.</summary>
    public bool IsDefect => Verdict is FuzzVerdict.Unhandled or FuzzVerdict.PropertyFailed or FuzzVerdict.Hang;

    /// <summary>A one-line description.</summary>
    /// <returns>The verdict and the exception's type and message, or the property.</returns>
    public override string ToString() => Verdict switch
    {
        FuzzVerdict.PropertyFailed or FuzzVerdict.Hang => $"{Verdict}: {Detail}",
        _ when Error is not null => $"{Verdict}: {Error.GetType().FullName}: {Error.Message}",
        _ => Verdict.ToString(),
    };

    /// <summary>A property that failed.</summary>
    /// <param name="detail">What did not hold.</param>
    /// <returns>The outcome.</returns>
    public static FuzzOutcome Property(string detail) => new(FuzzVerdict.PropertyFailed, Detail: detail);
}
