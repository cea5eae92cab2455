using Charmarr.Ops.Context;

namespace Charmarr.Ops.Integration;

/// <summary>The version of the <c>juju</c> CLI, as <c>juju version</c> prints it (<c>3.6.11-genericlinux-amd64</c>).</summary>
/// <param name="Version">The version (<c>3.6.11</c>), with the feature flags charms use.</param>
/// <param name="Release">The release (<c>genericlinux</c>, <c>ubuntu</c>).</param>
/// <param name="Architecture">The architecture (<c>amd64</c>).</param>
public sealed record JujuCliVersion(JujuVersion Version, string Release, string Architecture)
{
    /// <summary>Whether this is Juju 4 or later (no <c>status --watch</c>, no deploying a charm directory, …).</summary>
    public bool IsJuju4OrLater => Version.Major >= 4;

    /// <summary>Parses <c>juju version</c>'s output.</summary>
    /// <param name="text">E.g. <c>3.6.11-genericlinux-amd64</c> or <c>4.0-beta5-ubuntu-arm64</c>.</param>
    /// <returns>The version.</returns>
    /// <exception cref="FormatException">The text is not a Juju CLI version.</exception>
    public static JujuCliVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var parts = trimmed.Split('-');
        if (parts.Length < 3)
        {
            throw new FormatException($"\"{trimmed}\" is not a juju version (expected <version>-<release>-<arch>, e.g. 3.6.11-genericlinux-amd64)");
        }

        var version = JujuVersion.Parse(string.Join('-', parts[..^2]));
        return new JujuCliVersion(version, parts[^2], parts[^1]);
    }

    /// <summary>The text <c>juju version</c> printed.</summary>
    /// <returns><c>&lt;version&gt;-&lt;release&gt;-&lt;arch&gt;</c>.</returns>
    public override string ToString() => $"{Version}-{Release}-{Architecture}";
}
