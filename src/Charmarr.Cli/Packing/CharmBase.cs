namespace Charmarr.Cli.Packing;

/// <summary>One base a charm runs on, e.g. <c>ubuntu@24.04</c> on <c>amd64</c>.</summary>
/// <param name="Name">The OS name, e.g. <c>ubuntu</c>.</param>
/// <param name="Channel">The OS channel, e.g. <c>24.04</c>.</param>
/// <param name="Architecture">The Debian architecture name, e.g. <c>amd64</c>.</param>
internal sealed record CharmBase(string Name, string Channel, string Architecture)
{
    /// <summary>The base as charmcraft writes it: <c>ubuntu@24.04</c>.</summary>
    public string BaseName => $"{Name}@{Channel}";

    /// <summary>The archive name charmarr gives a charm packed for this base: <c>plex-k8s_ubuntu@24.04-amd64.charm</c>.</summary>
    /// <param name="charmName">The charm's name.</param>
    /// <returns>The file name.</returns>
    public string ArchiveName(string charmName) => $"{charmName}_{BaseName}-{Architecture}.charm";
}
