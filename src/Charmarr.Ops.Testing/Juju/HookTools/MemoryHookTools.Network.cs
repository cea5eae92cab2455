using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing.Juju.HookTools;

internal sealed partial class MemoryHookTools
{
    // network-get [-r <relation>] <binding>: the backend's network for the binding, in Juju's JSON (both key spellings
    // of the bind addresses, as Juju prints them).
    private string NetworkGet(FlagSet flags, IReadOnlyList<string> args)
    {
        var relation = RelationFlag(flags);
        return Output(
            flags,
            args,
            f => f.Count == 1 ? f : f.Count == 0 ? throw HookToolException.Usage("no arguments specified") : throw HookToolException.UnrecognizedArgs(f.Skip(1)),
            f =>
            {
                var network = backend.GetNetwork(f[0], relation.OptionalId);
                var binds = new JsonArray();
                foreach (var bind in network.BindAddresses)
                {
                    var addresses = new JsonArray();
                    foreach (var address in bind.Addresses)
                    {
                        addresses.Add((JsonNode)new JsonObject
                        {
                            ["hostname"] = address.Hostname,
                            ["value"] = address.Value,
                            ["cidr"] = address.Cidr,
                            ["address"] = address.Value,
                        });
                    }

                    binds.Add((JsonNode)new JsonObject
                    {
                        ["mac-address"] = bind.MacAddress,
                        ["interface-name"] = bind.InterfaceName,
                        ["addresses"] = addresses,
                        ["macaddress"] = bind.MacAddress,
                        ["interfacename"] = bind.InterfaceName,
                    });
                }

                return new JsonObject
                {
                    ["bind-addresses"] = binds,
                    ["egress-subnets"] = Strings(network.EgressSubnets),
                    ["ingress-addresses"] = Strings(network.IngressAddresses),
                };
            });
    }
}
