using Charmarr.Ops.Model;

namespace Charmarr.Ops.Testing.Juju;

public sealed partial class MemoryJujuBackend
{
    private readonly Dictionary<string, NetworkInfo> networks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> resources = new(StringComparer.Ordinal);

    /// <summary>What <c>network-get</c> answers for a binding with no network of its own; <see langword="null"/> makes such bindings fail.</summary>
    public NetworkInfo? DefaultNetwork { get; set; } = new(
        [new BindAddress("eth0", "00:16:3e:aa:bb:cc", [new NetworkAddress("10.0.0.5", "10.0.0.0/24")])],
        ["10.0.0.5"],
        ["10.0.0.5/32"]);

    /// <summary>Sets what <c>network-get</c> answers for one binding.</summary>
    /// <param name="binding">The endpoint or extra-binding name.</param>
    /// <param name="network">The addresses.</param>
    public void SetNetwork(string binding, NetworkInfo network)
    {
        ArgumentException.ThrowIfNullOrEmpty(binding);
        ArgumentNullException.ThrowIfNull(network);
        networks[binding] = network;
    }

    /// <summary>Makes a resource available at a local path.</summary>
    /// <param name="name">The resource name.</param>
    /// <param name="path">Where <c>resource-get</c> says it is.</param>
    public void SetResource(string name, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(path);
        resources[name] = path;
    }

    /// <inheritdoc />
    public NetworkInfo GetNetwork(string binding, int? relationId)
    {
        const string tool = "network-get";
        ArgumentException.ThrowIfNullOrEmpty(binding);
        if (relationId is { } id && !relations.ContainsKey(id))
        {
            ArgumentOutOfRangeException.ThrowIfNegative(id, nameof(relationId));
            throw Fail(tool, 2, $"invalid value \"{id}\" for flag -r: relation not found");
        }

        return networks.GetValueOrDefault(binding) ?? DefaultNetwork
            ?? throw Fail(tool, 1, $"no network config found for binding \"{binding}\"");
    }

    /// <inheritdoc />
    public string GetResource(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return resources.TryGetValue(name, out var path)
            ? path
            : throw Fail("resource-get", 1, $"could not download resource: resource \"{name}\" not found");
    }
}
