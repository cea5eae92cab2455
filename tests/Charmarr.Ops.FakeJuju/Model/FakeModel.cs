using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Charmarr.Ops.FakeJuju.Model;

/// The committed state of one unit's world, as the fake controller sees it.
public sealed class FakeModel
{
    public string UnitName { get; set; } = "sample/0";
    public string ModelName { get; set; } = "test-model";
    public string ModelUuid { get; set; } = "5b3c1f0a-7d2e-4c1b-9a8f-0e6d2c4b1a90";
    public bool IsLeader { get; set; }

    /// The Juju the fake emulates (JUJU_VERSION): "3.6.4" by default. From 4.0 there is no leader-get/leader-set
    /// (no shim, and an unknown command through the tool host), unit bags get no private-address, and relation bags
    /// and config are held to Juju's 16 MiB totals. Set it before adding relations.
    public string JujuVersion { get; set; } = "3.6.4";

    [JsonIgnore]
    public Charmarr.Ops.Context.JujuVersion Juju => Charmarr.Ops.Context.JujuVersion.Parse(JujuVersion);

    /// All units of this application (planned units); empty means just <see cref="UnitName"/>.
    public List<string> AppUnits { get; set; } = [];

    /// Declared config options with their defaults (null default = option without value).
    public Dictionary<string, JsonNode?> ConfigDefaults { get; set; } = [];

    /// Options the user has set.
    public Dictionary<string, JsonNode?> Config { get; set; } = [];

    public List<FakeRelation> Relations { get; set; } = [];
    public FakeStatus UnitStatus { get; set; } = new();
    public FakeStatus AppStatus { get; set; } = new();
    public List<StatusChange> StatusHistory { get; set; } = [];
    public string WorkloadVersion { get; set; } = "";
    public List<OpenedPort> OpenedPorts { get; set; } = [];
    public Dictionary<string, string> UnitState { get; set; } = [];
    public Dictionary<string, FakeStorage> Storage { get; set; } = [];
    public List<StorageAddRequest> StorageAddRequests { get; set; } = [];
    public Dictionary<string, FakeNetwork> Networks { get; set; } = [];

    /// Used for any binding not in <see cref="Networks"/>; null makes unknown bindings an error.
    public FakeNetwork? DefaultNetwork { get; set; } = FakeNetwork.CreateDefault("10.0.0.5");

    public Dictionary<string, string> Resources { get; set; } = [];
    public Dictionary<string, string> LeaderSettings { get; set; } = [];
    public List<LogLine> Logs { get; set; } = [];
    public FakeAction? Action { get; set; }
    public List<FakeAction> CompletedActions { get; set; } = [];

    [JsonIgnore]
    public string AppName => UnitName.Split('/')[0];

    [JsonIgnore]
    public IReadOnlyList<string> EffectiveAppUnits => AppUnits.Count == 0 ? [UnitName] : AppUnits;

    public FakeRelation? FindRelation(int id) => Relations.Find(r => r.Id == id);

    public FakeRelation Relation(int id) =>
        FindRelation(id) ?? throw new InvalidOperationException($"relation {id} does not exist");

    /// Adds a relation; remote units get Juju's pre-filled address keys.
    public FakeRelation AddRelation(string endpoint, string remoteApp, params string[] remoteUnits)
    {
        var relation = new FakeRelation
        {
            Id = Relations.Count == 0 ? 1 : Relations.Max(r => r.Id) + 1,
            Endpoint = endpoint,
            RemoteApp = remoteApp,
            RemoteModelUuid = ModelUuid,
            PrivateAddress = Juju.HasRelationPrivateAddress,
        };
        foreach (var unit in remoteUnits)
        {
            relation.AddRemoteUnit(unit);
        }
        Relations.Add(relation);
        return relation;
    }

    /// Adds a peer relation; the other units of this app are the remote units.
    public FakeRelation AddPeerRelation(string endpoint, params string[] peerUnits)
    {
        var relation = AddRelation(endpoint, AppName, peerUnits);
        relation.IsPeer = true;
        return relation;
    }

    public FakeModel SetConfig(string key, JsonNode? value)
    {
        if (Juju.EnforcesDataSizeLimits && value is not null)
        {
            var total = Config.Where(kv => kv.Key != key && kv.Value is not null).Append(new(key, value))
                .Sum(kv => (long)System.Text.Encoding.UTF8.GetByteCount(kv.Key) + System.Text.Encoding.UTF8.GetByteCount(ConfigText(kv.Value)));
            if (total > Charmarr.Ops.Backend.JujuLimits.MaxApplicationConfigBytes)
            {
                throw new ArgumentException($"cannot set config: max allowed total size ({Charmarr.Ops.Backend.JujuLimits.MaxApplicationConfigBytes}): quota limit exceeded", nameof(value));
            }
        }

        Config[key] = value;
        return this;
    }

    private static string ConfigText(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString() ?? "";
}
