using System.Text.Json.Nodes;
using Charmarr.Ops.Testing.Juju;
using Charmarr.Ops.Testing.Juju.HookTools;

namespace Charmarr.Ops.Testing.Tests.Juju;

/// <summary><c>network-get</c> through the simulated unit agent (what <c>charmarr simulate</c> answers): Juju's JSON.</summary>
public sealed class NetworkGetToolTests
{
    [Fact]
    public void Network_get_prints_the_backends_network_in_jujus_json_for_a_binding_and_relation()
    {
        var backend = new MemoryJujuBackend("plex/0");
        var id = backend.AddRelation("metrics-endpoint", "prometheus");
        var tools = new MemoryHookTools(backend, new Dictionary<string, string>());

        var result = tools.Run("network-get", ["--format=json", "-r", $"metrics-endpoint:{id}", "metrics-endpoint"], () => "");

        Assert.Equal(0, result.ExitCode);
        var network = JsonNode.Parse(result.Stdout)!;
        var bind = network["bind-addresses"]![0]!;
        Assert.Equal(("eth0", "00:16:3e:aa:bb:cc"), ((string?)bind["interface-name"], (string?)bind["mac-address"]));
        Assert.Equal(("10.0.0.5", "10.0.0.0/24"), ((string?)bind["addresses"]![0]!["value"], (string?)bind["addresses"]![0]!["cidr"]));
        Assert.Equal(backend.DefaultNetwork!.IngressAddresses, network["ingress-addresses"]!.AsArray().Select(a => (string)a!));
    }

    [Fact]
    public void Network_get_without_a_binding_is_a_usage_error_and_an_unknown_network_a_failure()
    {
        var backend = new MemoryJujuBackend("plex/0") { DefaultNetwork = null };
        var tools = new MemoryHookTools(backend, new Dictionary<string, string>());

        Assert.Equal(2, tools.Run("network-get", ["--format=json"], () => "").ExitCode);
        var missing = tools.Run("network-get", ["--format=json", "logging"], () => "");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no network config found for binding \"logging\"", missing.Stderr, StringComparison.Ordinal);
    }
}
