using System.Runtime.InteropServices;
using Charmarr.Cli.Simulation;
using Charmarr.Cli.Simulation.RealPebble;

namespace Charmarr.Cli.Commands;

/// <summary>
/// <c>charmarr workload-stand-in &lt;spec.json&gt;</c> (internal; not in the usage): what a scenario's stand-in runs inside
/// a container on real Pebble, in place of the workload's binary. It stays up until Pebble stops it (SIGTERM, exit 0)
/// and, with a port, answers HTTP there with a scenario fake's canned routes, as <see cref="HttpFakeServer"/> does on the host.
/// </summary>
internal static class WorkloadStandInCommand
{
    public const string Name = "workload-stand-in";
    /// <summary>Runs the stand-in.</summary>
    /// <param name="args">The spec's path, then the arguments the layer gave the workload's binary (ignored: they are
    /// the real program's, and the stand-in only reports them).</param>
    /// <returns>0 once stopped.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var specPath = args.Count > 0 ? args[0] : throw new CliException("usage: charmarr workload-stand-in <spec.json> [the workload's arguments…]");
        var spec = StandInSpec.Parse(File.ReadAllText(specPath));
        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var server = spec.Port is { } port ? HttpFakeServer.Listen(spec.Fake ?? new HttpFake(spec.Path, "", []), port) : null;
        if (args.Count > 1)
        {
            Console.WriteLine($"charmarr stand-in for {spec.Path}: given {string.Join(' ', args.Skip(1))}");
        }

        Console.WriteLine(server is null
            ? $"charmarr stand-in for {spec.Path}: running"
            : $"charmarr stand-in for {spec.Path}: answering on port {spec.Port} with {(spec.Fake is { } f ? $"the routes of the fake '{f.Name}'" : "404 to everything")}");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine($"charmarr stand-in for {spec.Path}: stopped");
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
