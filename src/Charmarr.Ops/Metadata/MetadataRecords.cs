using System.Text.Json.Nodes;

namespace Charmarr.Ops.Metadata;

/// <summary>The side of a relation endpoint.</summary>
public enum RelationRole
{
    /// <summary>The charm consumes the interface (<c>requires</c>).</summary>
    Requires,

    /// <summary>The charm offers the interface (<c>provides</c>).</summary>
    Provides,

    /// <summary>Units of the same application relate to each other (<c>peers</c>).</summary>
    Peer,
}

/// <summary>A relation endpoint the charm declares.</summary>
/// <param name="Name">The endpoint name, e.g. <c>media-storage</c>.</param>
/// <param name="Role">requires, provides or peer.</param>
/// <param name="Interface">The interface name, e.g. <c>media_storage</c>.</param>
/// <param name="Limit">The most relations the endpoint accepts, if limited.</param>
/// <param name="Optional">Whether the charm works without this relation.</param>
/// <param name="Scope"><c>global</c> or <c>container</c> (subordinates).</param>
public sealed record RelationMeta(string Name, RelationRole Role, string Interface, int? Limit, bool Optional, string Scope);

/// <summary>A storage mount of a workload container.</summary>
/// <param name="Storage">The storage name.</param>
/// <param name="Location">Where it is mounted in the container.</param>
public sealed record ContainerMountMeta(string Storage, string Location);

/// <summary>A workload container (Kubernetes sidecar charms).</summary>
/// <param name="Name">The container name.</param>
/// <param name="Resource">The OCI image resource it runs, if named.</param>
/// <param name="Mounts">Storage mounted into it.</param>
public sealed record ContainerMeta(string Name, string? Resource, IReadOnlyList<ContainerMountMeta> Mounts);

/// <summary>A storage the charm declares.</summary>
/// <param name="Name">The storage name.</param>
/// <param name="Type"><c>filesystem</c> or <c>block</c>.</param>
/// <param name="Location">Where it is mounted, for filesystems.</param>
/// <param name="Description">What it is for.</param>
/// <param name="MinimumSize">The minimum size, e.g. <c>10G</c>.</param>
/// <param name="Multiple">The <c>multiple.range</c>, e.g. <c>0-</c>, when several instances are allowed.</param>
public sealed record StorageMeta(string Name, string Type, string? Location, string Description, string? MinimumSize, string? Multiple);

/// <summary>A charm resource.</summary>
/// <param name="Name">The resource name.</param>
/// <param name="Type"><c>oci-image</c> or <c>file</c>.</param>
/// <param name="Description">What it is.</param>
/// <param name="Filename">The file name, for file resources.</param>
/// <param name="UpstreamSource">The default image, for OCI images.</param>
public sealed record ResourceMeta(string Name, string Type, string Description, string? Filename, string? UpstreamSource);

/// <summary>The types a config option may have.</summary>
public enum ConfigOptionType
{
    /// <summary>A string.</summary>
    String,

    /// <summary>A 64-bit integer.</summary>
    Int,

    /// <summary>A floating-point number.</summary>
    Float,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A secret URI (Juju 3.4+).</summary>
    Secret,
}

/// <summary>A config option.</summary>
/// <param name="Name">The option name, e.g. <c>log-level</c>.</param>
/// <param name="Type">Its type.</param>
/// <param name="Default">The default, already of <paramref name="Type"/>; <see langword="null"/> when there is none.</param>
/// <param name="Description">What it does.</param>
public sealed record ConfigOptionMeta(string Name, ConfigOptionType Type, JsonNode? Default, string Description);

/// <summary>The JSON Schema types an action parameter may have.</summary>
public enum ActionParamType
{
    /// <summary>No type given: anything goes.</summary>
    Any,

    /// <summary>A string.</summary>
    String,

    /// <summary>An integer.</summary>
    Integer,

    /// <summary>Any number.</summary>
    Number,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>An array.</summary>
    Array,

    /// <summary>An object.</summary>
    Object,
}

/// <summary>An action parameter.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Type">Its JSON Schema type.</param>
/// <param name="Description">What it means.</param>
/// <param name="Default">The default, if any.</param>
/// <param name="Enum">The allowed values, when restricted.</param>
public sealed record ActionParamMeta(string Name, ActionParamType Type, string Description, JsonNode? Default, IReadOnlyList<JsonNode?> Enum);

/// <summary>An action.</summary>
/// <param name="Name">The action name, e.g. <c>claim-server</c>.</param>
/// <param name="Description">What it does.</param>
/// <param name="Params">Its parameters by name.</param>
/// <param name="Required">The parameters that must be given.</param>
/// <param name="AdditionalProperties">
/// Whether parameters not declared are accepted, as charmcraft.yaml says; <see langword="null"/> when it does not say,
/// in which case the running Juju decides (see <see cref="AllowsAdditionalProperties"/>).
/// </param>
public sealed record ActionMeta(
    string Name,
    string Description,
    IReadOnlyDictionary<string, ActionParamMeta> Params,
    IReadOnlyList<string> Required,
    bool? AdditionalProperties)
{
    /// <summary>
    /// Whether parameters not declared are accepted under Juju <paramref name="juju"/>: the declared
    /// <c>additionalProperties</c>, else Juju's default (<see langword="true"/> on 3.x, <see langword="false"/> from 4.0).
    /// </summary>
    /// <param name="juju">The running Juju's version (<see cref="Context.JujuContext.Version"/>).</param>
    /// <returns>Whether undeclared parameters pass Juju's validation.</returns>
    public bool AllowsAdditionalProperties(Context.JujuVersion juju)
    {
        ArgumentNullException.ThrowIfNull(juju);
        return AdditionalProperties ?? juju.ActionAdditionalPropertiesDefault;
    }
}
