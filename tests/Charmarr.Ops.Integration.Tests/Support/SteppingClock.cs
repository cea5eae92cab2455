namespace Charmarr.Ops.Integration.Tests.Support;

/// <summary>A clock that moves on by <see cref="Step"/> each time it is read, so a wait's timeout is reached after a known
/// number of polls without any real waiting.</summary>
internal sealed class SteppingClock(TimeSpan step) : TimeProvider
{
    private long ticks;

    public TimeSpan Step { get; } = step;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        var now = ticks;
        ticks += Step.Ticks;
        return now;
    }
}
