using Charmarr.Ops.Integration.Status;

namespace Charmarr.Ops.Integration.Waiting;

/// <summary>A named test of a <see cref="JujuStatus"/>, for <see cref="JujuClient.WaitAsync"/>. Combine conditions with
/// <c>&amp;</c>, <c>|</c> and <c>!</c>; the description goes into timeout and error messages.</summary>
/// <param name="Description">What the condition means, e.g. <c>all units of plex active</c>.</param>
/// <param name="Test">The test.</param>
public sealed record StatusCondition(string Description, Func<JujuStatus, bool> Test)
{
    /// <summary>Whether the status meets the condition.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool IsMet(JujuStatus status) => Test(status);

    /// <summary>Both conditions.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>A condition met when both are.</returns>
    public static StatusCondition operator &(StatusCondition left, StatusCondition right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new($"({left.Description}) and ({right.Description})", s => left.Test(s) && right.Test(s));
    }

    /// <summary>Either condition.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>A condition met when either is.</returns>
    public static StatusCondition operator |(StatusCondition left, StatusCondition right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new($"({left.Description}) or ({right.Description})", s => left.Test(s) || right.Test(s));
    }

    /// <summary>The opposite condition.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>A condition met when <paramref name="condition"/> is not.</returns>
    public static StatusCondition operator !(StatusCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new($"not ({condition.Description})", s => !condition.Test(s));
    }

    /// <summary>Named alternative to <c>&amp;</c>.</summary>
    /// <param name="other">The other condition.</param>
    /// <returns>Both.</returns>
    public StatusCondition And(StatusCondition other) => this & other;

    /// <summary>Named alternative to <c>|</c>.</summary>
    /// <param name="other">The other condition.</param>
    /// <returns>Either.</returns>
    public StatusCondition Or(StatusCondition other) => this | other;

    /// <summary>Named alternative to <c>!</c>.</summary>
    /// <returns>The opposite.</returns>
    public StatusCondition Not() => !this;

    /// <summary>The description.</summary>
    /// <returns><see cref="Description"/>.</returns>
    public override string ToString() => Description;
}
