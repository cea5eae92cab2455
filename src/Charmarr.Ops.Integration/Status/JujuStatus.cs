using System.Text.Json.Serialization;

namespace Charmarr.Ops.Integration.Status;

/// <summary>What <c>juju status --format json</c> reports, as typed records. Fields a Juju version leaves out or
/// prints as <c>null</c> read as empty values, so the same code reads 3.6 and 4.x.</summary>
public sealed record JujuStatus
{
    /// <summary>The model section.</summary>
    [JsonPropertyName("model")]
    public ModelStatus Model { get; init => field = value ?? new(); } = new();

    /// <summary>Machines by id.</summary>
    [JsonPropertyName("machines")]
    public IReadOnlyDictionary<string, MachineStatus> Machines { get; init => field = value ?? new Dictionary<string, MachineStatus>(); }
        = new Dictionary<string, MachineStatus>();

    /// <summary>Applications by name.</summary>
    [JsonPropertyName("applications")]
    public IReadOnlyDictionary<string, ApplicationStatus> Applications { get; init => field = value ?? new Dictionary<string, ApplicationStatus>(); }
        = new Dictionary<string, ApplicationStatus>();

    /// <summary>Every unit of every application, by unit name.</summary>
    [JsonIgnore]
    public IEnumerable<KeyValuePair<string, UnitStatus>> AllUnits => Applications.Values.SelectMany(a => a.Units);

    /// <summary>One unit by name (<c>plex/0</c>).</summary>
    /// <param name="unit">The unit's name.</param>
    /// <returns>The unit, or <see langword="null"/> when the model has no such unit.</returns>
    public UnitStatus? GetUnit(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var app = unit.Split('/')[0];
        return Applications.TryGetValue(app, out var a) && a.Units.TryGetValue(unit, out var u) ? u : null;
    }
}
