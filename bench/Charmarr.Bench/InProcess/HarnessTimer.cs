using System.Diagnostics;
using Charmarr.Bench.Report;

namespace Charmarr.Bench.InProcess;

/// <summary>
/// Times a representative Harness test of a charm, in process: the test is run <see cref="Tests"/> times after one
/// warm-up (JIT, not counted), and the mean is reported for the whole test and for each of its steps.
/// </summary>
internal static class HarnessTimer
{
    public const int Tests = 20;

    /// <summary>Runs <paramref name="test"/> (given the iteration, so it can alternate values) and returns the figures.</summary>
    /// <param name="test">One test; it times its steps with the <see cref="StepClock"/> it is given.</param>
    public static IReadOnlyList<Figure> Run(Action<StepClock, int> test)
    {
        var steps = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var tests = new List<double>();
        for (var i = 0; i <= Tests; i++)
        {
            var clock = new StepClock();
            var whole = Stopwatch.StartNew();
            test(clock, i);
            if (i == 0)
            {
                continue;
            }

            tests.Add(whole.Elapsed.TotalMilliseconds);
            foreach (var (name, milliseconds) in clock.Timings)
            {
                (steps.TryGetValue(name, out var list) ? list : steps[name] = []).Add(milliseconds);
            }
        }

        var figures = new List<Figure> { new("Harness", $"one test (setup + {steps.Count} steps), mean of {Tests}", ReportTable.Milliseconds(tests.Average())) };
        figures.AddRange(steps.Select(e => new Figure("Harness", $"{e.Key}, mean", ReportTable.Milliseconds(e.Value.Average()))));
        return figures;
    }
}

/// <summary>Times the steps of one Harness test.</summary>
internal sealed class StepClock
{
    public List<(string Step, double Milliseconds)> Timings { get; } = [];

    public void Time(string step, Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        Timings.Add((step, clock.Elapsed.TotalMilliseconds));
    }
}
