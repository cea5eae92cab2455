using Charmarr.Bench.Hooks;
using Charmarr.Bench.Peer;
using Charmarr.Cli.Simulation;

namespace Charmarr.Bench.Subjects;

/// <summary>plex-k8s and the template charm side by side with the Python ops peer, under stand-in hook tools.</summary>
internal static class PeerSubject
{
    public const string Title = "Side by side with Python ops (stand-in hook tools, interleaved)";

    /// <summary>Compares the unpacked charms with the peer; when the peer cannot run here, a report that says why.</summary>
    /// <param name="options">The options (the peer's folder, runs).</param>
    /// <param name="workDirectory">The run's work folder.</param>
    /// <param name="plexDirectory">The unpacked plex-k8s.</param>
    /// <param name="templateDirectory">The unpacked template charm, when it is measured.</param>
    /// <returns>The report.</returns>
    public static async Task<SubjectReport> MeasureAsync(BenchOptions options, string workDirectory, string plexDirectory, string? templateDirectory)
    {
        var source = options.Peer ?? PeerCharm.DefaultPath(Repository.Root());
        var (peerDirectory, problem) = PeerCharm.Prepare(source, workDirectory);
        if (peerDirectory is null)
        {
            return new SubjectReport(Title, [], [], [$"Not measured: {problem}."]);
        }

        Console.WriteLine($"Comparing with the Python ops peer ({source}): recording each event under the native shims, then {PeerComparison.Events.Count} events × {options.Runs} interleaved runs under stand-in hook tools …");
        var shim = ShimLocator.Find();
        var units = new List<BenchUnit>();
        try
        {
            var subjects = new List<ComparedCharm>();
            var peer = await PeerDeployment.StartAsync(peerDirectory, shim);
            units.Add(peer);
            subjects.Add(new ComparedCharm("Python ops peer", CharmKind.Peer, peerDirectory, peer));
            var plex = await PlexDeployment.StartAsync(plexDirectory, shim);
            units.Add(plex);
            subjects.Add(new ComparedCharm("plex-k8s", CharmKind.Plex, plexDirectory, plex));
            if (templateDirectory is not null)
            {
                var template = await TemplateDeployment.StartAsync(templateDirectory, shim);
                units.Add(template);
                subjects.Add(new ComparedCharm("template charm", CharmKind.Template, templateDirectory, template));
            }

            var (figures, notes) = await new PeerComparison(workDirectory, options.Runs).RunAsync(subjects);
            notes.Insert(0, "Hook-tool calls of the last run, by tool:");
            return new SubjectReport(Title, figures, [], [string.Join("\n- ", notes)]);
        }
        finally
        {
            foreach (var unit in units)
            {
                await unit.DisposeAsync();
            }
        }
    }
}
