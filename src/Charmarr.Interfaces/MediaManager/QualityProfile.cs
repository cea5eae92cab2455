namespace Charmarr.Interfaces.MediaManager;

/// <summary>A quality profile of a media manager (Radarr, Sonarr).</summary>
/// <param name="Id">The profile's id in the media manager's API (<c>id</c>).</param>
/// <param name="Name">The profile's name, e.g. <c>HD-Bluray+WEB</c> (<c>name</c>).</param>
public sealed record QualityProfile(int Id, string Name);
