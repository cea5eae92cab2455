using System.Text.Json.Serialization;

namespace Charmarr.Interfaces.MediaManager;

/// <summary>What a media manager (Radarr, Sonarr, ...) publishes to media servers and request managers. On the wire
/// <c>base_path</c> comes after <c>instance_name</c>, as in the Python model.</summary>
/// <param name="ApiUrl">The API's full URL, e.g. <c>http://radarr:7878</c> (<c>api_url</c>).</param>
/// <param name="ApiKeySecretId">The Juju secret holding the API key, granted to each relation (<c>api_key_secret_id</c>).</param>
/// <param name="Manager">Which media manager this is (<c>manager</c>).</param>
/// <param name="InstanceName">The provider's Juju application name, e.g. <c>radarr-4k</c> (<c>instance_name</c>).</param>
/// <param name="QualityProfiles">The quality profiles the manager offers (<c>quality_profiles</c>; may be empty, not absent).</param>
/// <param name="RootFolders">The root folders the manager files media under (<c>root_folders</c>).</param>
/// <param name="BasePath">The URL base path, if one is configured (<c>base_path</c>).</param>
/// <param name="Variant">Which content this instance handles (<c>variant</c>).</param>
public sealed record MediaManagerProviderData(
    [property: JsonPropertyOrder(0)] string ApiUrl,
    [property: JsonPropertyOrder(1)] string ApiKeySecretId,
    [property: JsonPropertyOrder(2)] MediaManagerKind Manager,
    [property: JsonPropertyOrder(3)] string InstanceName,
    [property: JsonPropertyOrder(5)] IReadOnlyList<QualityProfile> QualityProfiles,
    [property: JsonPropertyOrder(6)] IReadOnlyList<string> RootFolders,
    [property: JsonPropertyOrder(4)] string? BasePath = null,
    [property: JsonPropertyOrder(7)] ContentVariant Variant = ContentVariant.Standard);
