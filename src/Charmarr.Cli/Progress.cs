using System.Diagnostics;

namespace Charmarr.Cli;

/// <summary>Shows what the tool is doing: a step per line, and for long steps the seconds spent so far (redrawn in place on
/// a terminal, a line every ten seconds otherwise). A long step's line is printed the moment it starts.</summary>
internal sealed class Progress(TextWriter output, bool interactive)
{
    /// <summary>Writes to the console, redrawing in place when standard output is a terminal.</summary>
    public static Progress Console { get; } = new(System.Console.Out, !System.Console.IsOutputRedirected);

    public void Step(string text) => output.WriteLine($"» {text}");

    /// <summary>Shows <paramref name="text"/> while <paramref name="work"/> runs, then "done in Ns" (or "failed after Ns" when it throws).</summary>
    public Task WhileAsync(string text, Task work) =>
        WhileAsync(text, work.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), _ => true);

    /// <summary>Shows <paramref name="text"/> while <paramref name="work"/> runs, then "done in Ns" or, when
    /// <paramref name="succeeded"/> says the result is a failure, "failed after Ns".</summary>
    public async Task<T> WhileAsync<T>(string text, Task<T> work, Func<T, bool> succeeded)
    {
        var clock = Stopwatch.StartNew();
        output.Write(interactive ? $"» {text} …" : $"» {text} …{Environment.NewLine}");
        output.Flush();
        var lastLine = 0L;
        while (await Task.WhenAny(work, Task.Delay(TimeSpan.FromMilliseconds(250))) != work)
        {
            var seconds = (long)clock.Elapsed.TotalSeconds;
            if (interactive)
            {
                output.Write($"\r» {text} … {seconds}s");
            }
            else if (seconds >= lastLine + 10)
            {
                lastLine = seconds;
                output.WriteLine($"  … {seconds}s");
            }
        }

        T result;
        try
        {
            result = await work;
        }
        catch
        {
            Finish(text, clock, false);
            throw;
        }

        Finish(text, clock, succeeded(result));
        return result;
    }

    private void Finish(string text, Stopwatch clock, bool ok)
    {
        var end = ok ? $"» {text}: done in {clock.Elapsed.TotalSeconds:0.0}s" : $"» {text}: failed after {clock.Elapsed.TotalSeconds:0.0}s";
        output.WriteLine(interactive ? $"\r{end}   " : end);
    }
}
