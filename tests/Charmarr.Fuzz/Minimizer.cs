namespace Charmarr.Fuzz;

/// <summary>
/// Shrinks a failing input to a small one that fails the same way (same verdict and exception type, or same property
/// prefix): removes chunks from the largest to single characters while the failure holds (greedy delta debugging).
/// </summary>
public static class Minimizer
{
    /// <summary>The failure's signature: what must stay the same while shrinking.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The signature, or null when the outcome is no defect.</returns>
    public static string? Signature(FuzzOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Verdict switch
        {
            FuzzVerdict.Unhandled => "unhandled " + outcome.Error!.GetType().FullName,
            FuzzVerdict.PropertyFailed => "property " + outcome.Detail![..Math.Min(24, outcome.Detail!.Length)],
            _ => null,
        };
    }

    /// <summary>Shrinks <paramref name="input"/>.</summary>
    /// <param name="target">The target it fails.</param>
    /// <param name="input">The failing input.</param>
    /// <param name="budget">The most runs to spend.</param>
    /// <returns>The smallest input found that fails the same way (the input itself when it does not fail).</returns>
    public static string Minimize(FuzzTarget target, string input, int budget = 20_000)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(input);
        var signature = Signature(target.Run(input));
        if (signature is null)
        {
            return input;
        }

        var current = input;
        var runs = 0;
        for (var chunk = Math.Max(1, current.Length / 2); chunk >= 1 && runs < budget; chunk /= 2)
        {
            var removed = true;
            while (removed && runs < budget)
            {
                removed = false;
                for (var start = 0; start + chunk <= current.Length && runs < budget; start += chunk)
                {
                    var candidate = current.Remove(start, chunk);
                    runs++;
                    if (Signature(target.Run(candidate)) == signature)
                    {
                        current = candidate;
                        removed = true;
                        start -= chunk;
                    }
                }
            }
        }

        return current;
    }
}
