using Charmarr.Ops.Integration.Deploy;
using Charmarr.Ops.Integration.Tests.Support;

namespace Charmarr.Ops.Integration.Tests.Deploy;

/// <summary>The argv of deploy, integrate, config, scale, trust and models, on both Juju versions.</summary>
public sealed class DeployTests : IDisposable
{
    private readonly string charmDirectory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"charms-{Guid.NewGuid():N}")).FullName;

    private string PackedCharm
    {
        get
        {
            var path = Path.Combine(charmDirectory, "plex-k8s_ubuntu@24.04-amd64.charm");
            File.WriteAllText(path, "zip");
            return path;
        }
    }

    [Theory]
    [MemberData(nameof(Golden.Versions), MemberType = typeof(Golden))]
    public async Task A_packed_charm_deploys_with_its_resource_storage_config_units_and_trust(string jujuVersion)
    {
        using var juju = new FakeJuju();
        var charm = PackedCharm;
        juju.Expect([
            "deploy", "--model", "plex-it", charm, "plex",
            "--config", "hardware-transcoding=false", "--config", "timezone=Europe/Paris",
            "--num-units", "2",
            "--resource", "plex-image=lscr.io/linuxserver/plex:1.43.1.10611-1e34174b1-ls301",
            "--storage", "config=10G",
            "--trust"]);

        await juju.Client().DeployAsync(charm, new DeployOptions
        {
            Application = "plex",
            Resources = new Dictionary<string, string> { ["plex-image"] = "lscr.io/linuxserver/plex:1.43.1.10611-1e34174b1-ls301" },
            Storage = new Dictionary<string, string> { ["config"] = "10G" },
            Config = new Dictionary<string, string> { ["timezone"] = "Europe/Paris", ["hardware-transcoding"] = "false" },
            NumUnits = 2,
            Trust = true,
        }, TestContext.Current.CancellationToken);

        juju.AssertAllCalled();
        _ = jujuVersion; // the argv is the same on both; the version is not even read for a .charm file
    }

    [Fact]
    public async Task Juju_4_refuses_a_charm_directory_before_any_deploy_and_3_6_deploys_it()
    {
        using var on40 = new FakeJuju();
        on40.ExpectVersion("4.0");
        using var on36 = new FakeJuju();
        on36.ExpectVersion("3.6").Expect(["deploy", "--model", "plex-it", charmDirectory]);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => on40.Client().DeployAsync(charmDirectory, cancellationToken: TestContext.Current.CancellationToken));
        await on36.Client().DeployAsync(charmDirectory, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("Juju 4.0.1 cannot deploy a charm directory", e.Message, StringComparison.Ordinal);
        Assert.Contains("charmarr pack", e.Message, StringComparison.Ordinal);
        on40.AssertAllCalled();
        on36.AssertAllCalled();
    }

    [Fact]
    public async Task A_charmhub_charm_deploys_by_name_with_channel_and_trust()
    {
        using var juju = new FakeJuju();
        juju.Expect(["deploy", "--model", "plex-it", "charmarr-storage-k8s", "charmarr-storage", "--channel", "latest/edge", "--config", "puid=1000", "--trust"]);

        await juju.Client().DeployAsync("charmarr-storage-k8s", new DeployOptions
        {
            Application = "charmarr-storage",
            Channel = "latest/edge",
            Config = new Dictionary<string, string> { ["puid"] = "1000" },
            Trust = true,
        }, TestContext.Current.CancellationToken);

        juju.AssertAllCalled();
    }

    [Theory]
    [MemberData(nameof(Golden.Versions), MemberType = typeof(Golden))]
    public async Task Integrate_config_scale_remove_unit_and_trust_send_Jujus_argv(string jujuVersion)
    {
        using var juju = new FakeJuju();
        juju.Expect(["integrate", "--model", "plex-it", "plex", "charmarr-storage:media-storage"])
            .Expect(["config", "--model", "plex-it", "plex", "hardware-transcoding=true", "log-level=debug"])
            .Expect(["config", "--model", "plex-it", "plex", "--format", "json"], Golden.Read(jujuVersion, "config.json"))
            .Expect(["config", "--model", "plex-it", "plex", "--reset", "hardware-transcoding,log-level"])
            .Expect(["scale-application", "--model", "plex-it", "plex", "2"])
            .Expect(["remove-unit", "--model", "plex-it", "--no-prompt", "plex", "--num-units", "1"])
            .Expect(["trust", "--model", "plex-it", "plex", "--scope=cluster"])
            .Expect(["remove-relation", "--model", "plex-it", "plex", "charmarr-storage"]);
        var client = juju.Client();
        var ct = TestContext.Current.CancellationToken;

        await client.IntegrateAsync("plex", "charmarr-storage:media-storage", ct);
        await client.SetConfigAsync("plex", new Dictionary<string, string> { ["log-level"] = "debug", ["hardware-transcoding"] = "true" }, ct);
        var config = await client.GetConfigAsync("plex", ct);
        await client.ResetConfigAsync("plex", ["hardware-transcoding", "log-level"], ct);
        await client.ScaleAsync("plex", 2, ct);
        await client.RemoveUnitsAsync("plex", 1, ct);
        await client.TrustAsync("plex", clusterScope: true, cancellationToken: ct);
        await client.RemoveRelationAsync("plex", "charmarr-storage", ct);

        Assert.Equal("true", config.GetText("hardware-transcoding"));
        Assert.Equal("user", config.Settings["hardware-transcoding"].Source);
        Assert.Equal("80", config.GetText("ingress-port"));
        Assert.Equal("Etc/UTC", config.GetText("timezone"));
        Assert.Throws<KeyNotFoundException>(() => config.GetText("no-such-option"));
        juju.AssertAllCalled();
    }

    [Fact]
    public async Task A_model_is_added_without_switching_and_destroyed_without_a_prompt()
    {
        using var juju = new FakeJuju();
        juju.Expect(["add-model", "--no-switch", "plex-it-1", "--controller", "ci", "--config", "logging-config=<root>=DEBUG"])
            .Expect(["status", "--model", "ci:plex-it-1", "--format", "json"], Golden.Read("3.6", "status-active.json"))
            .Expect(["destroy-model", "ci:plex-it-1", "--no-prompt", "--destroy-storage", "--force", "--timeout", "600s"]);
        var ct = TestContext.Current.CancellationToken;

        var model = await juju.Client(model: null).AddModelAsync("plex-it-1", "ci", new Dictionary<string, string> { ["logging-config"] = "<root>=DEBUG" }, ct);
        await model.GetStatusAsync(ct);
        await model.DestroyModelAsync(model.Model!, force: true, timeout: TimeSpan.FromMinutes(10), cancellationToken: ct);

        Assert.Equal("ci:plex-it-1", model.Model);
        juju.AssertAllCalled();
    }

    public void Dispose() => Directory.Delete(charmDirectory, recursive: true);
}
