using System.Text.Json.Serialization;
using Charmarr.Interfaces.Common;

namespace Charmarr.Interfaces.MediaManager;

/// <summary>What a media manager (Radarr, Sonarr, ...) publishes to media servers and request managers.</summary>
public sealed record MediaManagerProviderData
{
    /// <summary>The API's full URL, e.g. <c>http://radarr:7878</c> (<c>api_url</c>).</summary>
    public required string ApiUrl { get; init; }

    /// <summary>The Juju secret holding the API key, granted to each relation (<c>api_key_secret_id</c>).</summary>
    public required string ApiKeySecretId { get; init; }

    /// <summary>Which media manager this is (<c>manager</c>).</summary>
    public required MediaManagerKind Manager { get; init; }

    /// <summary>The provider's Juju application name, e.g. <c>radarr-4k</c> (<c>instance_name</c>).</summary>
    public required string InstanceName { get; init; }

    /// <summary>The URL base path, if one is configured (<c>base_path</c>).</summary>
    public string? BasePath { get; init; }

    /// <summary>The quality profiles the manager offers (<c>quality_profiles</c>; may be empty, not absent).</summary>
    [JsonConverter(typeof(NonNullListConverter<QualityProfile>))]
    public required IReadOnlyList<QualityProfile> QualityProfiles { get; init; }

    /// <summary>The root folders the manager files media under (<c>root_folders</c>).</summary>
    [JsonConverter(typeof(NonNullListConverter<string>))]
    public required IReadOnlyList<string> RootFolders { get; init; }

    /// <summary>Which content this instance handles (<c>variant</c>, default <c>standard</c>).</summary>
    public ContentVariant Variant { get; init; } = ContentVariant.Standard;
}
