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
    private const string Usage = "charmarr workload-stand-in <spec.json>";

    public static async Task<int> RunAsync(CommandLine args)
    {
        var specPath = args.Positional(0, "the stand-in's spec", Usage);
        args.ThrowIfUnused(Usage);
        var spec = StandInSpec.Parse(File.ReadAllText(specPath));
        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var server = spec.Port is { } port ? HttpFakeServer.Listen(spec.Fake ?? new HttpFake(spec.Path, "", []), port) : null;
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
