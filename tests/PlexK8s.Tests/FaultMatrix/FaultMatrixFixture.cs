using Charmarr.Ops.Testing.Http;
using System.Collections.Concurrent;
using Charmarr.PlexK8s.Tests.Fakes;

namespace Charmarr.PlexK8s.Tests.FaultMatrix;

/// <summary>
/// Runs every cell of the matrix once, concurrently (the silent cells spend their time waiting, not computing), for the
/// tests to assert cell by cell and for the table. The Markdown table is written to fault-matrix.md beside the test
/// assembly, and to charms/plex-k8s/FAULTS.md when CHARMARR_WRITE_FAULTS=1.
/// </summary>
public sealed class FaultMatrixFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<(string Event, string Fault), CellOutcome> outcomes = new();
    private HttpFake plexTv = null!;
    private HttpFake plexServer = null!;

    internal static IReadOnlyList<Fault> AllFaults { get; } =
        [.. Fault.HookTools(), .. Fault.Pebbles(), .. Fault.Kubernetes()];

    internal IReadOnlyDictionary<(string Event, string Fault), CellOutcome> Outcomes => outcomes;

    internal IReadOnlyDictionary<string, CellOutcome> Baseline { get; private set; } = new Dictionary<string, CellOutcome>();

    public async ValueTask InitializeAsync()
    {
        plexTv = await HttpFake.StartAsync();
        plexServer = await HttpFake.StartAsync();
        plexTv.Answer("*", "*", HttpFakeResponse.Xml(200, FakePlexTv.UserXml(FakePlexTv.AuthToken)));
        plexServer.Answer("*", "*", HttpFakeResponse.Xml(200, "<MediaContainer size=\"0\" claimed=\"1\" machineIdentifier=\"m\"/>"));
        var runner = new FaultCellRunner(plexTv, plexServer);

        var baseline = new Dictionary<string, CellOutcome>();
        foreach (var e in FaultCellRunner.Events)
        {
            baseline[e] = await runner.RunAsync(e, Fault.None);
        }

        Baseline = baseline;

        // The slow cells (silent servers) first, all at once; then the fast ones, a few at a time.
        var cells = FaultCellRunner.Events.SelectMany(e => AllFaults.Select(f => (Event: e, Fault: f))).ToList();
        var slow = cells.Where(c => c.Fault.Kind is "silent" or "trickle" or "trickle after connect").ToList();
        var slowRun = Task.WhenAll(slow.Select(c => Task.Run(() => RunCellAsync(runner, c.Event, c.Fault))));
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(cells.Except(slow).Select(async c =>
        {
            await gate.WaitAsync();
            try
            {
                await Task.Run(() => RunCellAsync(runner, c.Event, c.Fault));
            }
            finally
            {
                gate.Release();
            }
        }));
        await slowRun;

        var table = FaultMatrixTable.Render(this);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "fault-matrix.md"), table);
        if (Environment.GetEnvironmentVariable("CHARMARR_WRITE_FAULTS") == "1")
        {
            await File.WriteAllTextAsync(Path.Combine(RepositoryRoot(), "charms", "plex-k8s", "FAULTS.md"), table);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await plexTv.DisposeAsync();
        await plexServer.DisposeAsync();
    }

    private async Task RunCellAsync(FaultCellRunner runner, string eventName, Fault fault)
    {
        CellOutcome outcome;
        try
        {
            outcome = await runner.RunAsync(eventName, fault);
        }
        catch (Exception e)
        {
            // The harness itself failed (not the charm): recorded as an escape so the cell fails loudly.
            outcome = new CellOutcome(eventName, fault, -1, Ops.Model.Status.Unknown, null, e, [], TimeSpan.Zero, true);
        }

        outcomes[(eventName, fault.Name)] = outcome;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Charmarr.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Charmarr.sln not found above the test assembly");
    }
}
