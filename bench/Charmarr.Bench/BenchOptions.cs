using System.Globalization;

namespace Charmarr.Bench;

/// <summary>The command line: <c>[--charm path.charm] [--runs N]</c>.</summary>
/// <param name="Charm">A packed plex-k8s to measure instead of packing charms/plex-k8s (the slow step).</param>
/// <param name="Runs">Timed runs per event (at least 20).</param>
internal sealed record BenchOptions(string? Charm, int Runs)
{
    public const string Usage = "dotnet run --project bench/Charmarr.Bench -c Release -- [--charm path.charm] [--runs N (≥ 20, default 25)]";
    private const int MinimumRuns = 20;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        string? charm = null;
        var runs = 25;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--charm":
                    charm = Value(args, ref i);
                    break;
                case "--runs":
                    var text = Value(args, ref i);
                    runs = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= MinimumRuns
                        ? n
                        : throw new BenchException($"--runs takes a whole number of at least {MinimumRuns}, not '{text}' (the issue asks for a median of ≥ 20 runs)");
                    break;
                default:
                    throw new BenchException($"unknown argument '{args[i]}'; usage: {Usage}");
            }
        }

        return new BenchOptions(charm, runs);
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new BenchException($"{args[i - 1]} needs a value; usage: {Usage}");
}
