using System.Diagnostics;
using System.Text;

namespace Charmarr.Fuzz;

/// <summary>What one target did over a run.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Tried">Inputs run.</param>
/// <param name="Rejected">Inputs refused with a documented exception.</param>
/// <param name="Unhandled">Inputs that let an undocumented exception escape.</param>
/// <param name="PropertyFailures">Inputs accepted but breaking a property.</param>
/// <param name="Hangs">Inputs that ran past the bound.</param>
/// <param name="Elapsed">The time taken.</param>
/// <param name="Failures">The first failing input of each kind of failure (exception type or property), with its outcome.</param>
public sealed record FuzzReport(
    string Target,
    long Tried,
    long Rejected,
    long Unhandled,
    long PropertyFailures,
    long Hangs,
    TimeSpan Elapsed,
    IReadOnlyList<(string Input, FuzzOutcome Outcome)> Failures)
{
    /// <summary>Whether the run found a defect.</summary>
    public bool Failed => Unhandled + PropertyFailures + Hangs > 0;

    /// <summary>Inputs per second.</summary>
    public double Rate => Tried / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// Runs a target's generated inputs on a worker thread, one after another, each bounded in time: an input still running
/// after <c>hangBound</c> is a hang (its thread is abandoned and the run goes on with a new one). Deterministic: input i
/// comes from <c>new Random(seed + i)</c>.
/// </summary>
public static class FuzzRunner
{
    /// <summary>Runs a target.</summary>
    /// <param name="target">The target.</param>
    /// <param name="seed">The first input's seed.</param>
    /// <param name="count">The most inputs to run.</param>
    /// <param name="duration">The longest to run (null: no limit).</param>
    /// <param name="hangBound">How long one input may take.</param>
    /// <param name="keepFailures">How many distinct failures to keep.</param>
    /// <returns>The report.</returns>
    public static FuzzReport Run(FuzzTarget target, int seed, long count, TimeSpan? duration, TimeSpan hangBound, int keepFailures = 20)
    {
        ArgumentNullException.ThrowIfNull(target);
        var state = new RunState(target, seed, count, keepFailures);
        var clock = Stopwatch.StartNew();
        var deadline = duration is { } d ? clock.Elapsed + d : TimeSpan.MaxValue;
        while (!state.Done)
        {
            var generation = state.Generation;
            var worker = new Thread(() => state.Work(clock, deadline, generation), 16 * 1024 * 1024) { IsBackground = true, Name = $"fuzz {target.Name}" };
            worker.Start();
            while (!worker.Join(50))
            {
                var started = Volatile.Read(ref state.CurrentStart);
                if (started >= 0 && clock.ElapsedTicks - started > hangBound.TotalSeconds * Stopwatch.Frequency)
                {
                    state.RecordHang(hangBound);
                    break; // abandon the stuck thread; the next worker goes on after its input
                }
            }
        }

        return new FuzzReport(target.Name, state.Tried, state.Rejected, state.Unhandled, state.PropertyFailures, state.Hangs, clock.Elapsed, state.Failures);
    }

    /// <summary>A short text form of a report, one line, plus its first failures.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The text.</returns>
    public static string Describe(FuzzReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder(FormattableString.Invariant(
            $"{report.Target,-38} tried {report.Tried,10:N0}  rejected {report.Rejected,9:N0}  unhandled {report.Unhandled,7:N0}  property {report.PropertyFailures,7:N0}  hangs {report.Hangs,3}  {report.Rate,9:N0}/s"));
        foreach (var (input, outcome) in report.Failures)
        {
            text.Append(FormattableString.Invariant($"\n    {outcome.ToString().ReplaceLineEndings(" ")[..Math.Min(220, outcome.ToString().ReplaceLineEndings(" ").Length)]}\n      input ({input.Length} chars): {Printable(input, 160)}"));
        }

        return text.ToString();
    }

    /// <summary>An input with control characters escaped, cut to <paramref name="max"/> characters.</summary>
    /// <param name="input">The input.</param>
    /// <param name="max">The most characters to show.</param>
    /// <returns>The text.</returns>
    public static string Printable(string input, int max)
    {
        ArgumentNullException.ThrowIfNull(input);
        var builder = new StringBuilder();
        foreach (var c in input.Length > max ? input[..max] : input)
        {
            builder.Append(c < 0x20 || c is '\u007f' or '\u0085' or '\u2028' or '\u2029' || char.IsSurrogate(c) ? FormattableString.Invariant($"\\u{(int)c:x4}") : c.ToString());
        }

        return input.Length > max ? builder.Append('…').ToString() : builder.ToString();
    }

    private sealed class RunState(FuzzTarget target, int seed, long count, int keepFailures)
    {
        public long CurrentStart = -1;
        public int Generation;
        private readonly HashSet<string> kinds = [];
        private long next;
        private string? current;

        public long Tried;
        public long Rejected;
        public long Unhandled;
        public long PropertyFailures;
        public long Hangs;
        public bool Done;

        public List<(string Input, FuzzOutcome Outcome)> Failures { get; } = [];

        public void Work(Stopwatch clock, TimeSpan deadline, int generation)
        {
            while (true)
            {
                long index;
                lock (this)
                {
                    if (Done || generation != Generation || next >= count || clock.Elapsed >= deadline)
                    {
                        Done = generation == Generation;
                        return;
                    }

                    index = next++;
                }

                var input = FuzzTarget.WellFormed(target.Generate(new Random(unchecked(seed + (int)index))));
                Volatile.Write(ref current, input);
                Volatile.Write(ref CurrentStart, clock.ElapsedTicks);
                var outcome = target.Run(input);
                lock (this)
                {
                    if (generation != Generation)
                    {
                        return; // declared hung meanwhile: this thread was abandoned
                    }

                    Volatile.Write(ref CurrentStart, -1);
                    Tried++;
                    switch (outcome.Verdict)
                    {
                        case FuzzVerdict.Rejected: Rejected++; break;
                        case FuzzVerdict.Unhandled: Unhandled++; Keep(input, outcome, outcome.Error!.GetType().FullName!); break;
                        case FuzzVerdict.PropertyFailed: PropertyFailures++; Keep(input, outcome, outcome.Detail![..Math.Min(40, outcome.Detail!.Length)]); break;
                    }
                }
            }
        }

        public void RecordHang(TimeSpan bound)
        {
            lock (this)
            {
                Volatile.Write(ref CurrentStart, -1);
                Generation++;
                Tried++;
                Hangs++;
                Keep(Volatile.Read(ref current) ?? string.Empty, new FuzzOutcome(FuzzVerdict.Hang, Detail: $"still running after {bound.TotalSeconds:0.#} s"), "hang");
            }
        }

        private void Keep(string input, FuzzOutcome outcome, string kind)
        {
            if (Failures.Count < keepFailures && kinds.Add(kind))
            {
                Failures.Add((input, outcome));
            }
        }
    }
}
