using System.Text.RegularExpressions;

namespace Charmarr.PlexK8s.Claim;

/// <summary>A plex.tv claim token (<c>claim-…</c>): single-use, valid for about four minutes, never stored.</summary>
internal static partial class ClaimToken
{
    /// <summary>What the action says when the token is not one.</summary>
    public const string InvalidMessage = "Invalid token. Get one from https://plex.tv/claim";

    /// <summary>Whether <paramref name="token"/> looks like a claim token (after trimming).</summary>
    /// <param name="token">The action's parameter.</param>
    /// <returns><see langword="true"/> for <c>claim-</c> followed by letters, digits, '-' or '_'.</returns>
    public static bool IsValid(string? token) => token is not null && Pattern().IsMatch(token.Trim());

    [GeneratedRegex("^claim-[A-Za-z0-9_-]{1,256}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
