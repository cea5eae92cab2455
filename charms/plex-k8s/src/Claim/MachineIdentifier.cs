namespace Charmarr.PlexK8s.Claim;

/// <summary>Plex's ProcessedMachineIdentifier, as plex.tv receives it in the X-Plex-Client-Identifier header.</summary>
internal static class MachineIdentifier
{
    /// <summary>What the action says when Preferences.xml's identifier cannot be sent.</summary>
    public const string InvalidMessage =
        "Preferences.xml's ProcessedMachineIdentifier holds characters that cannot be sent to plex.tv (control characters, spaces or non-ASCII). "
        + "Check Preferences.xml in the plex container; if it was edited by hand, restore Plex's own value, then run the action again with a new token.";

    /// <summary>Whether the identifier is 1 to 256 visible ASCII characters, as a header value must be.</summary>
    /// <param name="identifier">The identifier.</param>
    /// <returns>Whether it can be sent.</returns>
    public static bool IsValid(string? identifier) =>
        identifier is { Length: > 0 and <= 256 } && identifier.All(c => c is > ' ' and < '\u007f');
}
