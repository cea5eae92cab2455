using Charmarr.Ops.Integration;
using Charmarr.Ops.Integration.Deploy;
using Charmarr.Ops.Integration.Waiting;
using Charmarr.Ops.Integration.Xunit;

namespace Charmarr.PlexK8s.IntegrationTests;

/// <summary>A model with plex-k8s and the media-storage stand-in deployed, related and active; deployed once, by the
/// first test that asks (so a missing juju or charm skips tests rather than failing the fixture).</summary>
public sealed class PlexModelFixture : JujuModelFixture
{
    public const string Plex = "plex";
    public const string Storage = "charmarr-storage";
    public const string SharedPvc = "charmarr-shared-data";

    private readonly SemaphoreSlim gate = new(1, 1);
    private bool deployed;

    /// <summary>Waits of a real deployment: an image pull and a pod restart take minutes.</summary>
    public static WaitOptions Slow { get; } = new() { Timeout = TimeSpan.FromMinutes(20), Delay = TimeSpan.FromSeconds(5), Successes = 3 };

    /// <summary>plex and the stand-in active, every agent idle.</summary>
    public static StatusCondition Settled { get; } =
        Conditions.AllActive(Plex, Storage) & Conditions.AllAgentsIdle(Plex, Storage) & Conditions.UnitCount(Plex, 1);

    protected override string ModelPrefix => "plex-it";

    /// <summary>kubectl in the model's namespace.</summary>
    public Kubectl Kubectl => new(Juju.Model!);

    /// <summary>Deploys (once) and returns the client; skips the test when juju or the packed charms are missing.</summary>
    public async Task<JujuClient> DeployedAsync(CancellationToken cancellationToken)
    {
        var juju = Juju; // skips without juju
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!deployed)
            {
                await DeployAsync(juju, cancellationToken);
                deployed = true;
            }
        }
        finally
        {
            gate.Release();
        }

        return juju;
    }

    private async Task DeployAsync(JujuClient juju, CancellationToken cancellationToken)
    {
        var (plex, standIn) = (PlexCharms.Plex, PlexCharms.StandIn);
        if (plex is null || standIn is null)
        {
            if (Settings.Required)
            {
                throw new InvalidOperationException(PlexCharms.MissingReason);
            }

            Assert.Skip(PlexCharms.MissingReason);
        }

        // The stand-in publishes a PVC it does not create: create it first, as charmarr-storage would.
        await Kubectl.CreatePvcAsync(SharedPvc, cancellationToken);
        await juju.DeployAsync(standIn, new DeployOptions { Application = Storage, Config = new Dictionary<string, string> { ["pvc-name"] = SharedPvc } }, cancellationToken);
        await juju.DeployAsync(plex, new DeployOptions
        {
            Application = Plex,
            Resources = new Dictionary<string, string> { ["plex-image"] = PlexCharms.PlexImage },
            Storage = new Dictionary<string, string> { ["config"] = "10G" },
            Trust = true,
        }, cancellationToken);

        // Before the relation plex is blocked on it: the first thing an operator sees.
        await juju.WaitAsync(Conditions.UnitWorkload("plex/0", "blocked", "media-storage"), Conditions.AnyError(), Slow, cancellationToken);
        await juju.IntegrateAsync(Plex, Storage, cancellationToken);
        await juju.WaitAsync(Settled, Conditions.AnyError(), Slow, cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        gate.Dispose();
        await base.DisposeAsync();
    }
}
