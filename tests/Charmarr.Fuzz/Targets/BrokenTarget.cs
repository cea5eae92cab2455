namespace Charmarr.Fuzz.Targets;

/// <summary>A target that could not be made (its constructor threw): every run fails with the reason.</summary>
/// <param name="name">The target's name.</param>
/// <param name="reason">Why it could not be made.</param>
public sealed class BrokenTarget(string name, Exception reason) : FuzzTarget
{
    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions => [];

    /// <inheritdoc />
    public override IReadOnlyList<string> Seeds => [string.Empty];

    /// <inheritdoc />
    protected override FuzzOutcome Execute(string input) =>
        new(FuzzVerdict.Unhandled, new InvalidOperationException($"the fuzz target {name} could not be made", reason));
}
