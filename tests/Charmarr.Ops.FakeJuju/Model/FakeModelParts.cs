using System.Text.Json.Nodes;

namespace Charmarr.Ops.FakeJuju.Model;

public sealed class FakeStatus
{
    public string Status { get; set; } = "unknown";
    public string Message { get; set; } = "";
}

public sealed record StatusChange(string Target, string Status, string Message);

/// One opened port range; Endpoint "" means all endpoints. ICMP has From = To = -1.
public sealed record OpenedPort(string Endpoint, string Protocol, int From, int To)
{
    public string RangeText => Protocol == "icmp" ? "icmp" : From == To ? $"{From}/{Protocol}" : $"{From}-{To}/{Protocol}";
}

public sealed record FakeStorage(string Kind, string Location);

public sealed record StorageAddRequest(string Name, int Count);

public sealed record LogLine(string Level, string Message);

public sealed class FakeNetwork
{
    public List<FakeBindAddress> BindAddresses { get; set; } = [];
    public List<string> EgressSubnets { get; set; } = [];
    public List<string> IngressAddresses { get; set; } = [];

    public static FakeNetwork CreateDefault(string ip) => new()
    {
        BindAddresses =
        [
            new FakeBindAddress
            {
                MacAddress = "00:16:3e:aa:bb:cc",
                InterfaceName = "eth0",
                Addresses = [new FakeAddress { Hostname = "", Value = ip, Cidr = "10.0.0.0/24" }],
            },
        ],
        EgressSubnets = [ip + "/32"],
        IngressAddresses = [ip],
    };
}

public sealed class FakeBindAddress
{
    public string MacAddress { get; set; } = "";
    public string InterfaceName { get; set; } = "";
    public List<FakeAddress> Addresses { get; set; } = [];
}

public sealed class FakeAddress
{
    public string Hostname { get; set; } = "";
    public string Value { get; set; } = "";
    public string Cidr { get; set; } = "";
}

public sealed class FakeAction
{
    public string Name { get; set; } = "";
    public string Id { get; set; } = "";
    public JsonObject Parameters { get; set; } = [];

    /// Nested map of string values set by action-set (plus return-code/stdout/stderr once finished).
    public JsonObject Results { get; set; } = [];

    /// Message of the last action-fail call; null if it was never called.
    public string? FailMessage { get; set; }

    public List<string> Logs { get; set; } = [];

    /// completed / failed once the process has finished; "running" before.
    public string Status { get; set; } = "running";
    public string Message { get; set; } = "";
}
