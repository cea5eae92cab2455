namespace Charmarr.Ops.Model;

/// <summary>One address on a bound interface, as <c>network-get</c> reports it.</summary>
/// <param name="Value">The address, e.g. <c>10.0.0.5</c>.</param>
/// <param name="Cidr">The subnet in CIDR notation; empty when unknown.</param>
/// <param name="Hostname">The host name, when Juju knows one; else empty.</param>
public sealed record NetworkAddress(string Value, string Cidr = "", string Hostname = "");

/// <summary>A network interface a binding is bound to.</summary>
/// <param name="InterfaceName">The interface name, e.g. <c>eth0</c>.</param>
/// <param name="MacAddress">The MAC address; empty when unknown.</param>
/// <param name="Addresses">The addresses on the interface.</param>
public sealed record BindAddress(string InterfaceName, string MacAddress, IReadOnlyList<NetworkAddress> Addresses);

/// <summary>The network information of an endpoint binding (<c>network-get</c>).</summary>
/// <param name="BindAddresses">The interfaces the binding is bound to.</param>
/// <param name="IngressAddresses">Addresses other units should use to reach this unit.</param>
/// <param name="EgressSubnets">Subnets traffic from this unit comes from.</param>
public sealed record NetworkInfo(
    IReadOnlyList<BindAddress> BindAddresses,
    IReadOnlyList<string> IngressAddresses,
    IReadOnlyList<string> EgressSubnets)
{
    /// <summary>The first bind address, or <see langword="null"/> when there is none.</summary>
    public string? BindAddress => BindAddresses.SelectMany(b => b.Addresses).Select(a => a.Value).FirstOrDefault();

    /// <summary>The first ingress address, or <see langword="null"/> when there is none.</summary>
    public string? IngressAddress => IngressAddresses.Count > 0 ? IngressAddresses[0] : null;
}
