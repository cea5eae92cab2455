using Charmarr.Ops.Model;
using Charmarr.Ops.Testing.Juju;

namespace Charmarr.Ops.Testing.Scenario;

/// <summary>A secret this unit owns or has been granted.</summary>
/// <param name="TrackedContent">The content of the revision this unit tracks (for a consumer, the one it last read).</param>
public sealed record SecretState(ValueMap<string, string> TrackedContent)
{
    private static int lastId;

    /// <summary>The secret URI, <c>secret:&lt;20 characters&gt;</c>; a fresh one unless given.</summary>
    public string Id { get; init; } = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"secret:cscenario{Interlocked.Increment(ref lastId):D11}");

    /// <summary>The latest revision's content, when newer than <see cref="TrackedContent"/>; <see langword="null"/> when the same.</summary>
    public ValueMap<string, string>? LatestContent { get; init; }

    /// <summary>Who owns it: this unit, this application, or <see langword="null"/> when another application owns it and granted it.</summary>
    public SecretOwner? Owner { get; init; }

    /// <summary>The label: the owner's, or the one this consumer gave it.</summary>
    public string? Label { get; init; }

    /// <summary>The owner's description.</summary>
    public string? Description { get; init; }

    /// <summary>When the owner set it to expire.</summary>
    public DateTimeOffset? Expire { get; init; }

    /// <summary>The owner's rotation policy.</summary>
    public SecretRotatePolicy? Rotate { get; init; }

    /// <summary>Who the owner granted it to.</summary>
    public ValueList<SecretGrant> RemoteGrants { get; init; } = ValueList<SecretGrant>.Empty;
}
