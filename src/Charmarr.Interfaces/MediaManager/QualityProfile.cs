namespace Charmarr.Interfaces.MediaManager;

/// <summary>A quality profile of a media manager (Radarr, Sonarr).</summary>
public sealed record QualityProfile
{
    /// <summary>The profile's id in the media manager's API (<c>id</c>).</summary>
    public required int Id { get; init; }

    /// <summary>The profile's name, e.g. <c>HD-Bluray+WEB</c> (<c>name</c>).</summary>
    public required string Name { get; init; }
}
