using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Pebble.InProcess;
using Charmarr.Ops.Testing.Pebble.Server;

namespace Charmarr.Ops.Testing.Tests.Pebble.Conformance;

/// <summary>The conformance suite against the simulator through <see cref="InProcessPebbleClient"/>.</summary>
public sealed class InProcessConformanceTests : ClientConformanceTests
{
    private const string ScratchRoot = "/scratch";

    /// <inheritdoc />
    protected override Task<PebbleFace> OpenAsync(bool isolated)
    {
        var simulator = NewSimulator();
        var client = new InProcessPebbleClient(simulator);
        return Task.FromResult(new PebbleFace("in-process", client, simulator, null, ScratchRoot, "", _ => client));
    }

    internal static PebbleSimulator NewSimulator()
    {
        var simulator = new PebbleSimulator();
        simulator.MakeDirectory(ScratchRoot);
        return simulator;
    }
}

/// <summary>The conformance suite against the simulator's unix socket through the real <see cref="PebbleClient"/>.</summary>
public sealed class SocketConformanceTests : ClientConformanceTests
{
    /// <inheritdoc />
    protected override async Task<PebbleFace> OpenAsync(bool isolated)
    {
        var directory = Directory.CreateTempSubdirectory("pbc").FullName;
        var simulator = InProcessConformanceTests.NewSimulator();
        var server = await PebbleSocketServer.StartAsync(simulator, Path.Combine(directory, "p.sock"), Ct);
        return new PebbleFace("socket", new PebbleClient(server.SocketPath), simulator, server, "/scratch", "", timeout => new PebbleClient(server.SocketPath, timeout))
        {
            Cleanup = () => Directory.Delete(directory, recursive: true),
        };
    }
}

/// <summary>
/// The conformance suite against a real Pebble (one per class, see <see cref="RealPebbleFixture"/>) through the real
/// <see cref="PebbleClient"/>; skipped, with the reason, where no Pebble binary is found (CI fails on that).
/// </summary>
public sealed class RealPebbleConformanceTests(RealPebbleFixture fixture) : ClientConformanceTests, IClassFixture<RealPebbleFixture>
{
    /// <inheritdoc />
    protected override async Task<PebbleFace> OpenAsync(bool isolated)
    {
        Assert.SkipWhen(fixture.MissingReason is not null, fixture.MissingReason ?? "");
        var pebble = isolated ? await fixture.StartPrivateAsync(Ct) : await fixture.SharedAsync(Ct);
        var prefix = fixture.NextPrefix();
        var scratch = Path.Combine(fixture.Scratch, prefix.TrimEnd('-'));
        Directory.CreateDirectory(scratch);
        return new PebbleFace("real", new PebbleClient(pebble.SocketPath), null, null, scratch, prefix, timeout => new PebbleClient(pebble.SocketPath, timeout));
    }
}
