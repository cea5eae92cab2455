using System.Globalization;
using System.Text.RegularExpressions;

namespace Charmarr.Ops.Context;

/// <summary>A Juju version such as <c>3.6.4</c> or <c>3.6-beta2.1</c>, comparable for feature detection.</summary>
/// <param name="Major">The major version.</param>
/// <param name="Minor">The minor version.</param>
/// <param name="Patch">The patch number.</param>
/// <param name="Tag">A pre-release tag such as <c>beta</c>; empty for a release.</param>
/// <param name="Build">The build number; 0 when absent.</param>
public sealed partial record JujuVersion(int Major, int Minor, int Patch, string Tag = "", int Build = 0)
    : IComparable<JujuVersion>
{
    /// <summary>The version assumed when Juju does not say (<c>0.0.0</c>).</summary>
    public static JujuVersion Unknown { get; } = new(0, 0, 0);

    /// <summary>Whether this Juju has secrets (3.0.3 and later).</summary>
    public bool HasSecrets => this >= new JujuVersion(3, 0, 3);

    /// <summary>Whether this Juju has <c>relation-model-get</c> (3.6.2 and later).</summary>
    public bool HasRelationModelGet => this >= new JujuVersion(3, 6, 2);

    /// <summary>
    /// Whether this Juju has the leader settings tools <c>leader-get</c> and <c>leader-set</c>: 3.x and older.
    /// Juju 4.0 removed them (use a peer relation's application bag); the SDK never calls them.
    /// </summary>
    public bool HasLeaderSettings => Major < 4;

    /// <summary>
    /// Whether an action's parameters may include names its schema does not declare when the action says nothing
    /// about <c>additionalProperties</c>: <see langword="true"/> on Juju 3.x, <see langword="false"/> from Juju 4.0.
    /// </summary>
    public bool ActionAdditionalPropertiesDefault => Major < 4;

    /// <summary>
    /// Whether Juju fills <c>private-address</c> into every unit's relation bag: 3.x and older. From 4.0 only
    /// <c>ingress-address</c> and <c>egress-subnets</c> are maintained; read addresses from <c>network-get</c>.
    /// </summary>
    public bool HasRelationPrivateAddress => Major < 4;

    /// <summary>
    /// Whether Juju refuses a relation bag or an application's config whose keys and values together exceed
    /// <see cref="Backend.JujuLimits.MaxRelationSettingsBytes"/> / <see cref="Backend.JujuLimits.MaxApplicationConfigBytes"/>
    /// (Juju 4.0 and later; 3.x keeps no such total).
    /// </summary>
    public bool EnforcesDataSizeLimits => Major >= 4;

    /// <summary>Whether secret ids are opaque strings (Juju 4.0 and later) rather than 20-character xids.</summary>
    public bool HasOpaqueSecretIds => Major >= 4;

    /// <summary>Parses a version; an empty string gives <see cref="Unknown"/>.</summary>
    /// <param name="text">E.g. <c>3.6.4</c>, <c>3.6-beta2</c>, <c>3.6.4.1</c>.</param>
    /// <returns>The version.</returns>
    /// <exception cref="FormatException">The text is not a Juju version.</exception>
    public static JujuVersion Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Unknown;
        }

        var match = VersionPattern().Match(text.Trim());
        if (!match.Success)
        {
            throw new FormatException($"\"{text}\" is not a valid Juju version");
        }

        int Number(Group g) => !g.Success
            ? 0
            : int.TryParse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new FormatException($"\"{text}\" is not a valid Juju version: {g.Value} is too large");
        return new JujuVersion(
            Number(match.Groups["major"]),
            Number(match.Groups["minor"]),
            Number(match.Groups["patch"]),
            match.Groups["tag"].Value,
            Number(match.Groups["build"]));
    }

    /// <inheritdoc />
    public int CompareTo(JujuVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byNumber = (Major, Minor).CompareTo((other.Major, other.Minor));
        if (byNumber != 0)
        {
            return byNumber;
        }

        // A tagged version (3.6-beta2) sorts before the release it leads to (3.6.0).
        var byTag = (Tag.Length == 0, other.Tag.Length == 0) switch
        {
            (true, false) => 1,
            (false, true) => -1,
            _ => string.CompareOrdinal(Tag, other.Tag),
        };
        return byTag != 0 ? byTag : (Patch, Build).CompareTo((other.Patch, other.Build));
    }

    /// <summary>Compares two versions.</summary>
    /// <param name="left">The left version.</param>
    /// <param name="right">The right version.</param>
    /// <returns>Whether <paramref name="left"/> is at least <paramref name="right"/>.</returns>
    public static bool operator >=(JujuVersion left, JujuVersion right) => Compare(left, right) >= 0;

    /// <summary>Compares two versions.</summary>
    /// <param name="left">The left version.</param>
    /// <param name="right">The right version.</param>
    /// <returns>Whether <paramref name="left"/> is at most <paramref name="right"/>.</returns>
    public static bool operator <=(JujuVersion left, JujuVersion right) => Compare(left, right) <= 0;

    /// <summary>Compares two versions.</summary>
    /// <param name="left">The left version.</param>
    /// <param name="right">The right version.</param>
    /// <returns>Whether <paramref name="left"/> is newer.</returns>
    public static bool operator >(JujuVersion left, JujuVersion right) => Compare(left, right) > 0;

    /// <summary>Compares two versions.</summary>
    /// <param name="left">The left version.</param>
    /// <param name="right">The right version.</param>
    /// <returns>Whether <paramref name="left"/> is older.</returns>
    public static bool operator <(JujuVersion left, JujuVersion right) => Compare(left, right) < 0;

    private static int Compare(JujuVersion? left, JujuVersion? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    /// <inheritdoc />
    public override string ToString()
    {
        var core = Tag.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}")
            : string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}-{Tag}{Patch}");
        return Build == 0 ? core : string.Create(CultureInfo.InvariantCulture, $"{core}.{Build}");
    }

    [GeneratedRegex(@"^(?<major>\d+)\.(?<minor>\d+)(?:\.(?<patch>\d+)|-(?<tag>[a-z]+)(?<patch>\d+)?)?(?:\.(?<build>\d+))?$")]
    private static partial Regex VersionPattern();
}
