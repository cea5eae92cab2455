using Charmarr.Ops.Integration;
using Charmarr.Ops.Integration.Deploy;
using Charmarr.Ops.Integration.Waiting;
using Charmarr.Ops.Integration.Xunit;

namespace Charmling.IntegrationTests;

/// <summary>
/// A temporary Juju model with the packed charm deployed once, by the first test that asks. The charm is
/// <c>$CHARMARR_CHARM</c>, else the newest <c>charmling_*.charm</c> in the charm's folder (what <c>charmarr pack .</c> writes).
/// </summary>
public sealed class CharmlingModelFixture : JujuModelFixture
{
    public const string App = "charmling";
    public const string Image = "docker.io/library/busybox:1.37";

    private readonly SemaphoreSlim gate = new(1, 1);
    private bool deployed;

    /// <summary>A real deployment pulls an image and starts a pod: minutes, not seconds.</summary>
    public static WaitOptions Slow { get; } = new() { Timeout = TimeSpan.FromMinutes(15), Delay = TimeSpan.FromSeconds(3) };

    protected override string ModelPrefix => "charmling-it";

    public async Task<JujuClient> DeployedAsync(CancellationToken cancellationToken)
    {
        var juju = Juju; // skips the test where no juju is installed
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!deployed)
            {
                var charm = FindCharm();
                await juju.DeployAsync(charm, new DeployOptions { Application = App, Resources = new Dictionary<string, string> { ["workload-image"] = Image } }, cancellationToken);
                await juju.WaitAsync(Conditions.AllActive(App) & Conditions.AllAgentsIdle(App), Conditions.AnyError(), Slow, cancellationToken);
                deployed = true;
            }
        }
        finally
        {
            gate.Release();
        }

        return juju;
    }

    private string FindCharm()
    {
        if (Environment.GetEnvironmentVariable("CHARMARR_CHARM") is { Length: > 0 } path)
        {
            return Path.GetFullPath(path);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "charmcraft.yaml")))
            {
                var charm = Directory.GetFiles(dir.FullName, $"{App}_*.charm").Order(StringComparer.Ordinal).LastOrDefault();
                if (charm is not null)
                {
                    return charm;
                }

                break;
            }
        }

        const string reason = "No packed charm: run `charmarr pack .` in the charm's folder, or set CHARMARR_CHARM to a .charm file";
        if (Settings.Required)
        {
            throw new InvalidOperationException(reason);
        }

        Assert.Skip(reason);
        return "";
    }

    public override async ValueTask DisposeAsync()
    {
        gate.Dispose();
        await base.DisposeAsync();
    }
}
