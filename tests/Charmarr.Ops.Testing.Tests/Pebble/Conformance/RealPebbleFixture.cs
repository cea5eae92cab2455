using System.Globalization;

namespace Charmarr.Ops.Testing.Tests.Pebble.Conformance;

/// <summary>
/// A real Pebble for one test class: its own state directory and scratch directory under one temporary directory,
/// started on first use and killed (with every process it started) when the class is done. Tests that need a peer
/// nobody else touched get one of their own from <see cref="StartPrivateAsync"/>, killed with the class.
/// </summary>
public sealed class RealPebbleFixture : IAsyncDisposable
{
    private readonly (string? Path, string Reason) binary = PebbleLocator.Locate();
    private readonly string root = Directory.CreateTempSubdirectory("real-pebble").FullName;
    private readonly List<RealPebble> started = [];
    private readonly SemaphoreSlim gate = new(1, 1);
    private RealPebble? shared;
    private int tests;

    /// <summary>Why no real Pebble is available, or null when one is.</summary>
    public string? MissingReason => binary.Path is null ? binary.Reason : null;

    /// <summary>The scratch directory the class's tests write under (never outside it).</summary>
    public string Scratch => Path.Combine(root, "scratch");

    internal string Binary => binary.Path ?? throw new InvalidOperationException(binary.Reason);

    /// <summary>A name prefix unique to one test in this class (<c>t1-</c>, <c>t2-</c>, ...).</summary>
    internal string NextPrefix() => "t" + Interlocked.Increment(ref tests).ToString(CultureInfo.InvariantCulture) + "-";

    /// <summary>The class's shared Pebble, started on first use.</summary>
    internal async Task<RealPebble> SharedAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return shared ??= await StartLockedAsync("state", cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A Pebble of one test's own.</summary>
    internal async Task<RealPebble> StartPrivateAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await StartLockedAsync("state-" + started.Count.ToString(CultureInfo.InvariantCulture), cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var pebble in started)
        {
            await pebble.DisposeAsync();
        }

        gate.Dispose();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A process that wrote here as it died; the temporary directory is left behind.
        }
    }

    private async Task<RealPebble> StartLockedAsync(string name, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Scratch);
        var pebble = await RealPebble.StartAsync(Binary, Path.Combine(root, name), cancellationToken);
        started.Add(pebble);
        return pebble;
    }
}
