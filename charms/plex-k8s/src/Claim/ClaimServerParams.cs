namespace Charmarr.PlexK8s.Claim;

/// <summary>The claim-server action's parameters.</summary>
/// <param name="Token">The claim token from https://plex.tv/claim.</param>
/// <param name="Force">Claim again even if the server is already claimed.</param>
internal sealed record ClaimServerParams(string Token, bool Force = false);
