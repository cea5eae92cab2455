using System.Globalization;

namespace Charmarr.Bench;

/// <summary>The command line: <c>[--charm path.charm] [--template-charm path.charm [--template-assembly path.dll]]
/// [--peer folder] [--scaling-charm path.charm] [--only plex|template|compare|scaling] [--runs N]</c>.</summary>
/// <param name="Charm">A packed plex-k8s to measure instead of packing charms/plex-k8s (the slow step).</param>
/// <param name="TemplateCharm">A packed charm made from the template, instead of making and packing one.</param>
/// <param name="TemplateAssembly">The managed assembly of <paramref name="TemplateCharm"/>, for its Harness figures.</param>
/// <param name="MeasuresPlex">Whether plex-k8s is measured (not with <c>--only template</c>).</param>
/// <param name="MeasuresTemplate">Whether the template charm is measured (not with <c>--only plex</c>).</param>
/// <param name="Runs">Timed runs per event (at least 20).</param>
/// <param name="Peer">The Python ops peer's folder; <see langword="null"/> for ../shared/peers/python-ops-plex beside the checkout.</param>
/// <param name="ComparesWithPeer">Whether the side-by-side table with the peer is made (not with <c>--only plex|template|scaling</c>).</param>
/// <param name="MeasuresScaling">Whether cost against work is measured (not with <c>--only plex|template|compare</c>).</param>
/// <param name="ScalingCharm">A packed bench/ScalingCharm to measure instead of packing it.</param>
internal sealed record BenchOptions(
    string? Charm,
    string? TemplateCharm,
    string? TemplateAssembly,
    bool MeasuresPlex,
    bool MeasuresTemplate,
    int Runs,
    string? Peer = null,
    bool ComparesWithPeer = true,
    bool MeasuresScaling = true,
    string? ScalingCharm = null)
{
    public const string Usage = "dotnet run --project bench/Charmarr.Bench -c Release -- [--charm path.charm] "
        + "[--template-charm path.charm [--template-assembly path.dll]] [--peer folder] [--scaling-charm path.charm] [--only plex|template|compare|scaling] [--runs N (≥ 20, default 25)]";

    private const int MinimumRuns = 20;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        string? charm = null;
        string? templateCharm = null;
        string? templateAssembly = null;
        string? only = null;
        string? peer = null;
        string? scalingCharm = null;
        var runs = 25;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--charm":
                    charm = Value(args, ref i);
                    break;
                case "--template-charm":
                    templateCharm = Value(args, ref i);
                    break;
                case "--template-assembly":
                    templateAssembly = Value(args, ref i);
                    break;
                case "--peer":
                    peer = Value(args, ref i);
                    break;
                case "--scaling-charm":
                    scalingCharm = Value(args, ref i);
                    break;
                case "--only":
                    only = Value(args, ref i);
                    if (only is not ("plex" or "template" or "compare" or "scaling"))
                    {
                        throw new BenchException($"--only takes 'plex', 'template', 'compare' or 'scaling', not '{only}'");
                    }

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

        if (templateAssembly is not null && templateCharm is null)
        {
            throw new BenchException("--template-assembly goes with --template-charm (the .charm it was packed into); without --template-charm the benchmark makes both afresh");
        }

        return new BenchOptions(
            charm, templateCharm, templateAssembly, only is null or "plex", only is null or "template", runs, peer, only is null or "compare", only is null or "scaling", scalingCharm);
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new BenchException($"{args[i - 1]} needs a value; usage: {Usage}");
}
