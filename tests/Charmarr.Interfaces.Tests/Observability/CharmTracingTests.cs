using Charmarr.Interfaces.Tracing;

namespace Charmarr.Interfaces.Tests.Observability;

/// <summary>A charm that traces itself on <c>charm-tracing</c>, as plex-k8s does.</summary>
internal sealed class SelfTracingCharm : ProbedCharm<SelfTracingCharm>
{
    public SelfTracingCharm(CharmFramework framework, Probe<SelfTracingCharm> probe)
        : base(framework, probe)
    {
        Tracing = new CharmTracing(this, "charm-tracing");
    }

    public CharmTracing Tracing { get; }
}

public sealed class CharmTracingTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "charmarr-interfaces-tracing-" + Guid.NewGuid().ToString("N"));
    private readonly CharmFixture<SelfTracingCharm> plex;

    public CharmTracingTests()
    {
        plex = new("plex/0", CosCharm.Metadata, builder => builder.UseCharmTracing(directory));
    }

    private string DestinationFile => Path.Combine(directory, "destination.json");

    public void Dispose()
    {
        plex.Dispose();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Tempos_otlp_http_receiver_becomes_the_destination_and_relation_broken_clears_it()
    {
        plex.Backend.Leader = true;
        var id = plex.Backend.AddRelation("charm-tracing", "tempo");
        Assert.Equal(0, plex.RelationHook("created", "charm-tracing", id));
        Assert.Equal(CosGolden.TracingRequest, plex.Backend.GetLocalAppData(id)["receivers"]);
        plex.Backend.SetRemoteAppData(id, new Dictionary<string, string> { ["receivers"] = CosGolden.TempoReceivers });

        Assert.Equal(0, plex.RelationHook("changed", "charm-tracing", id));
        Assert.Contains("\"url\":\"http://tempo.cos.svc.cluster.local:4318/\"", File.ReadAllText(DestinationFile), StringComparison.Ordinal);

        Assert.Equal(0, plex.RelationHook("broken", "charm-tracing", id));
        Assert.False(File.Exists(DestinationFile));
    }

    [Fact]
    public void A_provider_without_an_otlp_http_receiver_leaves_no_destination()
    {
        var id = plex.Backend.AddRelation("charm-tracing", "tempo");
        plex.Backend.SetRemoteAppData(id, new Dictionary<string, string>
        {
            ["receivers"] = """[{"protocol": {"name": "otlp_grpc", "type": "grpc"}, "url": "tempo:4317"}]""",
        });

        Assert.Equal(0, plex.RelationHook("changed", "charm-tracing", id));

        Assert.False(File.Exists(DestinationFile));
    }

    [Fact]
    public void Without_UseCharmTracing_the_component_fails_the_hook_with_what_to_do()
    {
        using var untraced = new CharmFixture<SelfTracingCharm>("plex/0", CosCharm.Metadata);

        Assert.Equal(1, untraced.Dispatch("hooks/update-status"));

        Assert.Contains(untraced.LogLines(JujuLogLevel.Error), l => l.Contains("call UseCharmTracing()", StringComparison.Ordinal));
    }
}
