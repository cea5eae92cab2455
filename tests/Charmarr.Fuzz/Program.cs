using System.Diagnostics;
using System.Globalization;
using Charmarr.Fuzz;

// The fuzz command: runs each parser for a given time or count and prints, per parser, inputs tried, unhandled
// exceptions and hangs, saving the first failing input of each kind to a file; exits 1 when any target failed.
//   dotnet run --project tests/Charmarr.Fuzz -c Release -- --target all --seconds 60
//   dotnet run --project tests/Charmarr.Fuzz -c Release -- --target pebble-layer,hook-tool-config-get --count 1000000
//   dotnet run --project tests/Charmarr.Fuzz -c Release -- --replay pebble-layer fuzz-failures/pebble-layer-1.txt
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (args[i] is "--help" or "-h")
    {
        Console.WriteLine("usage: fuzz [--target all|cheap|socket|NAME[,NAME…]] [--seconds N | --count N] [--seed N] [--hang-seconds N] [--jobs N] [--out DIR] [--no-deep] [--list]\n       fuzz --replay NAME FILE | fuzz --minimize NAME FILE");
        return 0;
    }

    if (args[i] == "--replay" && i + 2 < args.Length)
    {
        return Replay(args[i + 1], args[i + 2]);
    }

    if (args[i] == "--minimize" && i + 2 < args.Length)
    {
        var target = FuzzTargets.Create(args[i + 1]);
        try
        {
            var small = Minimizer.Minimize(target, File.ReadAllText(args[i + 2]));
            Console.WriteLine($"{target.Run(small)}\n{FuzzRunner.Printable(small, 2000)}");
            File.WriteAllText(args[i + 2] + ".min", small);
            return 0;
        }
        finally
        {
            (target as IDisposable)?.Dispose();
        }
    }

    if (args[i] is "--list" or "--no-deep")
    {
        options[args[i]] = "1";
        continue;
    }

    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"fuzz: unexpected argument '{args[i]}' (see --help)");
        return 2;
    }

    options[args[i]] = args[++i];
}

if (options.ContainsKey("--list"))
{
    foreach (var name in FuzzTargets.Names)
    {
        Console.WriteLine(name);
    }

    return 0;
}

var selection = options.GetValueOrDefault("--target", "all");
var names = selection switch
{
    "all" => FuzzTargets.Names,
    "cheap" => FuzzTargets.Names.Where(n => n is not ("pebble-socket" or "plex-tv-exchange")).ToList(),
    "socket" => ["pebble-socket", "plex-tv-exchange"],
    _ => selection.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
};
var seconds = options.TryGetValue("--seconds", out var s) ? double.Parse(s, CultureInfo.InvariantCulture) : (double?)null;
var count = options.TryGetValue("--count", out var c) ? long.Parse(c, CultureInfo.InvariantCulture) : seconds is null ? 10_000 : long.MaxValue;
var seed = options.TryGetValue("--seed", out var sd) ? int.Parse(sd, CultureInfo.InvariantCulture) : 1;
var hang = TimeSpan.FromSeconds(options.TryGetValue("--hang-seconds", out var h) ? double.Parse(h, CultureInfo.InvariantCulture) : 10);
var output = Path.GetFullPath(options.GetValueOrDefault("--out", "fuzz-failures"));

Console.WriteLine(FormattableString.Invariant($"fuzz: {names.Count} target(s), {(seconds is { } sec ? $"{sec} s each" : $"{count:N0} inputs each")}, seed {seed}, hang bound {hang.TotalSeconds} s; failing inputs go to {output}"));
var failed = 0;
long total = 0;
var jobs = options.TryGetValue("--jobs", out var j) ? int.Parse(j, CultureInfo.InvariantCulture) : 1;
var print = new Lock();
Parallel.ForEach(names, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, name =>
{
    var target = FuzzTargets.Create(name);
    try
    {
        var report = FuzzRunner.Run(target, seed, count, seconds is { } limit ? TimeSpan.FromSeconds(limit) : null, hang);
        var deep = options.ContainsKey("--no-deep") ? null : DeepProbe(name);
        var text = new System.Text.StringBuilder(FuzzRunner.Describe(report) + (deep is null ? string.Empty : $"\n    deep nesting: {deep}"));
        var index = 0;
        foreach (var (input, outcome) in report.Failures)
        {
            Directory.CreateDirectory(output);
            var file = Path.Combine(output, $"{name}-{++index}.txt");
            File.WriteAllText(file, input);
            var small = target.IsCheap ? Minimizer.Minimize(target, input, budget: 5_000) : input;
            File.WriteAllText(file + ".min", small);
            text.Append(CultureInfo.InvariantCulture, $"\n      saved {file} ({outcome.Verdict}); minimized ({small.Length} chars): {FuzzRunner.Printable(small, 160)}");
        }

        lock (print)
        {
            Console.WriteLine(text);
            total += report.Tried;
            if (report.Failed || deep is not null && !deep.StartsWith("ok", StringComparison.Ordinal))
            {
                failed++;
            }
        }
    }
    finally
    {
        (target as IDisposable)?.Dispose();
    }
});

Console.WriteLine(FormattableString.Invariant($"fuzz: {total:N0} inputs, {failed} of {names.Count} target(s) failed"));
return failed == 0 ? 0 : 1;

// Stack exhaustion kills the process, so the deep-nesting input runs in a child process (this program, --replay).
static string? DeepProbe(string name)
{
    if (FuzzTargets.DeepInput(name) is not { } input)
    {
        return null;
    }

    var file = Path.Combine(Path.GetTempPath(), $"charmarr-fuzz-deep-{name}-{Environment.ProcessId}.txt");
    File.WriteAllText(file, input);
    try
    {
        var (exit, text) = RunSelf(["--replay", name, file]);
        return exit switch
        {
            0 => "ok (" + text.Trim() + ")",
            1 => "DEFECT: " + text.Trim(),
            _ => $"DEFECT: the process died (exit {exit}): {text.Trim()[..Math.Min(200, text.Trim().Length)]}",
        };
    }
    finally
    {
        File.Delete(file);
    }
}

static (int Exit, string Output) RunSelf(string[] arguments)
{
    var self = Environment.ProcessPath!;
    var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true };
    if (Path.GetFileNameWithoutExtension(self) == "dotnet")
    {
        start.ArgumentList.Add(typeof(FuzzTarget).Assembly.Location);
    }

    foreach (var a in arguments)
    {
        start.ArgumentList.Add(a);
    }

    using var process = Process.Start(start)!;
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEndAsync();
    if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
    {
        process.Kill(entireProcessTree: true);
        return (124, "hung for 60 s");
    }

    return (process.ExitCode, stdout.Result + stderr.Result.Split('\n').FirstOrDefault(l => l.Contains("overflow", StringComparison.OrdinalIgnoreCase), string.Empty));
}

static int Replay(string name, string file)
{
    var target = FuzzTargets.Create(name);
    try
    {
        var outcome = target.Run(File.ReadAllText(file));
        Console.WriteLine(outcome.ToString());
        return outcome.IsDefect ? 1 : 0;
    }
    finally
    {
        (target as IDisposable)?.Dispose();
    }
}
