using System.IO.Pipelines;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Pebble.Exec;

namespace Charmarr.Ops.Testing.Pebble.InProcess;

/// <summary>A simulated command seen through the contract: stdin, stdout and stderr are in-memory pipes.</summary>
internal sealed class InProcessExecProcess : PebbleExecProcess
{
    // Output is held whole, as a finished command's pipes would be; the writer never waits for a reader.
    private static readonly PipeOptions Unbuffered = new(pauseWriterThreshold: 0);

    private readonly PebbleSimulator simulator;
    private readonly ExecSession session;
    private readonly Pipe stdin = new();
    private readonly Pipe stdout = new(Unbuffered);
    private readonly Pipe? stderr;
    private readonly Task running;

    public InProcessExecProcess(PebbleSimulator simulator, PebbleExecRequest request, ExecSession session)
        : base(request, session.Task.Change.Id, session.Task.Id)
    {
        this.simulator = simulator;
        this.session = session;
        stderr = request.CombineStderr ? null : new Pipe(Unbuffered);
        Stdin = stdin.Writer.AsStream();
        Stdout = stdout.Reader.AsStream();
        Stderr = stderr?.Reader.AsStream();
        running = RunAsync();
    }

    public override Stream Stdin { get; }

    public override Stream Stdout { get; }

    public override Stream? Stderr { get; }

    public override async Task CloseStdinAsync(CancellationToken cancellationToken = default) =>
        await stdin.Writer.CompleteAsync().ConfigureAwait(false);

    public override Task SendSignalAsync(string signal, CancellationToken cancellationToken = default)
    {
        session.Signal(signal);

        return Task.CompletedTask;
    }

    public override async Task<int> WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        await running.WaitAsync(cancellationToken).ConfigureAwait(false);
        var change = simulator.RequireChange(ChangeId);
        if (change.Err is not null)
        {
            throw new PebbleChangeException("exec", ContractMapping.Change(change));
        }

        return change.Tasks[0].ExitCode ?? -1;
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await stdin.Writer.CompleteAsync().ConfigureAwait(false);
        await stdout.Reader.CompleteAsync().ConfigureAwait(false);
        if (stderr is not null)
        {
            await stderr.Reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task RunAsync()
    {
        await using var input = stdin.Reader.AsStream();
        var result = await simulator.Parts.Exec.RunAsync(session, input).ConfigureAwait(false);
        var output = result?.Stdout ?? ReadOnlyMemory<byte>.Empty;
        var errors = result?.Stderr ?? ReadOnlyMemory<byte>.Empty;
        if (stderr is null)
        {
            await stdout.Writer.WriteAsync(output).ConfigureAwait(false);
            await stdout.Writer.WriteAsync(errors).ConfigureAwait(false);
        }
        else
        {
            await stdout.Writer.WriteAsync(output).ConfigureAwait(false);
            await stderr.Writer.WriteAsync(errors).ConfigureAwait(false);
            await stderr.Writer.CompleteAsync().ConfigureAwait(false);
        }

        await stdout.Writer.CompleteAsync().ConfigureAwait(false);
    }
}
