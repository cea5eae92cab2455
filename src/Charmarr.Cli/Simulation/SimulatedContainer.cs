using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Pebble.Server;

namespace Charmarr.Cli.Simulation;

/// <summary>A workload container served by the Pebble simulator on a real unix socket. It runs no processes: the
/// scenario's steps stand in for the workload, and every container answers <c>chown</c> itself (<see cref="SimulatedChown"/>).</summary>
internal sealed class SimulatedContainer : IWorkloadContainer
{
    private readonly PebbleSocketServer server;

    private SimulatedContainer(string name, PebbleSocketServer server)
    {
        Name = name;
        this.server = server;
    }

    public string Name { get; }

    public string SocketPath => server.SocketPath;

    public string Description => "simulated Pebble";

    /// <summary>The simulator behind the socket.</summary>
    public PebbleSimulator Simulator => server.Simulator;

    public static async Task<SimulatedContainer> StartAsync(string name, string socketPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(socketPath)!);
        var pebble = new PebbleSimulator();
        pebble.HandleExec(["chown"], request => SimulatedChown.Run(pebble, request));
        return new SimulatedContainer(name, await PebbleSocketServer.StartAsync(pebble, socketPath));
    }

    public Task WriteFileAsync(FileStep file)
    {
        Simulator.WriteFile(file.Path, file.Content, new FileCreation { UserId = file.UserId, GroupId = file.GroupId, MakeParents = true });
        return Task.CompletedTask;
    }

    public Task CheckUpAsync(CheckUpStep check)
    {
        if (Simulator.GetChecks(null, check.Check).Count == 0)
        {
            throw IWorkloadContainer.NoSuchCheck(check);
        }

        Simulator.ReportCheckSuccess(check.Check);
        return Task.CompletedTask;
    }

    // The simulator runs no workload: the step records the notice the workload would have.
    public Task<string> NoticeAsync(NoticeStep notice) => Task.FromResult(Simulator.Notify(notice.Key));

    public string? AnswerExec(ExecStep exec)
    {
        Simulator.HandleExec(exec.CommandPrefix, ExecResult.FromText(exec.Exit, exec.Stdout));
        return null;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
