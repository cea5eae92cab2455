namespace Charmarr.Fuzz;

/// <summary>
/// One parser under fuzz: generates inputs (mutations of golden examples and structure-aware random text) and runs one
/// input to an outcome. Inputs are strings so that any failing input can be saved to a file and replayed.
/// </summary>
public abstract class FuzzTarget
{
    /// <summary>The name used on the command line and in reports (e.g. <c>pebble-layer</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Whether one input costs microseconds (in-memory parser) rather than a socket exchange.</summary>
    public virtual bool IsCheap => true;

    /// <summary>The exception types the parser documents (an exception of these or a subclass is a refusal).</summary>
    public abstract IReadOnlyList<Type> DocumentedExceptions { get; }

    /// <summary>Golden examples of valid input, the mutator's starting points.</summary>
    public abstract IReadOnlyList<string> Seeds { get; }

    /// <summary>Extra tokens the mutator splices in (the format's syntax).</summary>
    public virtual IReadOnlyList<string> Dictionary => Mutator.CommonTokens;

    /// <summary>Makes one input.</summary>
    /// <param name="random">The source of randomness (seeded: the same seed gives the same input).</param>
    /// <returns>The input.</returns>
    public virtual string Generate(Random random) => Mutator.Mutate(Seeds, Dictionary, random);

    /// <summary>Runs one input.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The outcome; never throws.</returns>
    public FuzzOutcome Run(string input)
    {
        try
        {
            return Execute(WellFormed(input));
        }
        catch (Exception e) when (IsDocumented(e))
        {
            return new FuzzOutcome(FuzzVerdict.Rejected, e);
        }
        catch (Exception e)
        {
            return new FuzzOutcome(FuzzVerdict.Unhandled, e);
        }
    }

    /// <summary>
    /// The text as it reaches a parser in production: every input is decoded from bytes (a process's output, a file, an
    /// HTTP body) as UTF-8, so a lone surrogate cannot occur; it becomes U+FFFD, as the decoder makes it. (An escaped
    /// one, <c>\ud800</c> in JSON or YAML, is kept: that is text.)
    /// </summary>
    /// <param name="input">The generated text.</param>
    /// <returns>The text with lone surrogates replaced.</returns>
    public static string WellFormed(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var c in input)
        {
            if (char.IsSurrogate(c))
            {
                return System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(input));
            }
        }

        return input;
    }

    /// <summary>Parses <paramref name="input"/>, checks the properties, and returns the outcome.</summary>
    /// <param name="input">The input.</param>
    /// <returns>Accepted, or the property that failed; documented exceptions are left to propagate.</returns>
    protected abstract FuzzOutcome Execute(string input);

    /// <summary>Whether <paramref name="e"/> is one of <see cref="DocumentedExceptions"/>.</summary>
    /// <param name="e">The exception.</param>
    /// <returns>Whether it is documented.</returns>
    protected bool IsDocumented(Exception e) => DocumentedExceptions.Any(t => t.IsInstanceOfType(e));
}
