using Charmarr.Ops.Context;
using Charmarr.Ops.Hosting;
using Charmarr.Ops.HookTools;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Tests.Framework;
using Charmarr.Ops.Tests.HookTools;
using Charmarr.Ops.Tracing;
using Microsoft.Extensions.DependencyInjection;

namespace Charmarr.Ops.Tests.Tracing;

/// <summary>An exporter that keeps what it is given and answers as told.</summary>
internal sealed class RecordingExporter : ITraceExporter
{
    public List<byte[]> Payloads { get; } = [];

    /// <summary>The failure to report, or null for success.</summary>
    public string? Failure { get; set; }

    public Task<string?> ExportAsync(TracingDestination destination, byte[] payload, TimeSpan deadline)
    {
        Payloads.Add(payload);
        return Task.FromResult(Failure);
    }
}

/// <summary><see cref="TracedCharm"/> through the production dispatcher, hook tools faked below the real backend,
/// charm tracing enabled in a temporary folder.</summary>
internal sealed class TracingFixture : IDisposable
{
    private readonly CharmApp app;

    public TracingFixture(ITraceExporter? exporter = null, TracingLimits? limits = null)
    {
        Runner.Returns("config-get", $$"""{"mode": "{{Secrets.ConfigValue}}"}""");
        Runner.Returns("is-leader", "true");
        app = CharmApp.CreateBuilder([])
            .UseBackend(new HookToolBackend(Runner))
            .UseMetadata(CharmMetadata.ParseCharmcraft(DispatchFixture<TracedCharm>.Metadata))
            .UseCharmTracing(Directory)
            .ConfigureServices(s => s.AddSingleton(Target).AddSingleton<Charmarr.Ops.State.IStateStore>(new MemoryStateStore()))
            .Build<TracedCharm>();
        var options = app.Services.GetRequiredService<CharmTracingOptions>();
        options.Exporter = exporter ?? Exporter;
        options.Limits = limits ?? TracingLimits.Default with { RetryPause = TimeSpan.Zero };
    }

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "charmarr-tracing-tests-" + Guid.NewGuid().ToString("N"));

    public RecordingHookToolRunner Runner { get; } = new();

    public RecordingExporter Exporter { get; } = new();

    public TracingTarget Target { get; } = new();

    public string DestinationPath => Path.Combine(Directory, "destination.json");

    public string BufferPath => Path.Combine(Directory, "spans.jsonl");

    public int Dispatch(string hook) => app.DispatchAsync(JujuContext.FromEnvironment(new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["JUJU_UNIT_NAME"] = "test/0",
        ["JUJU_DISPATCH_PATH"] = "hooks/" + hook,
        ["JUJU_MODEL_NAME"] = "m",
        ["JUJU_MODEL_UUID"] = "0c3f",
        ["JUJU_VERSION"] = "3.6.4",
        ["JUJU_CHARM_DIR"] = "/nonexistent",
    })).GetAwaiter().GetResult();

    public void SaveDestination(Uri url) => DestinationFile.Write(Directory, new TracingDestination(url));

    public void Dispose()
    {
        app.Dispose();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
