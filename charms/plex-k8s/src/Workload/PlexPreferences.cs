using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Charmarr.PlexK8s.Workload;

/// <summary>
/// Plex's Preferences.xml: one <c>&lt;Preferences .../&gt;</c> element whose attributes are Plex's settings. Edited with
/// a real XML parser, so every attribute the charm does not touch is kept exactly, values are escaped properly, and the
/// whole document is written back (never a partial or truncated file).
/// </summary>
internal sealed class PlexPreferences
{
    private const string RootName = "Preferences";
    private const string MachineIdentifierAttribute = "ProcessedMachineIdentifier";
    private const string OnlineTokenAttribute = "PlexOnlineToken";
    private const string CustomConnectionsAttribute = "customConnections";

    private readonly XDocument document;
    private readonly bool trailingNewline;

    private PlexPreferences(XDocument document, bool trailingNewline)
    {
        this.document = document;
        this.trailingNewline = trailingNewline;
    }

    private XElement Root => document.Root!;

    /// <summary>The server's machine identifier, once Plex has initialised; <see langword="null"/> before.</summary>
    public string? MachineIdentifier => NonEmpty(MachineIdentifierAttribute);

    /// <summary>
    /// Whether the server is claimed: it holds a non-empty PlexOnlineToken. An empty <c>PlexOnlineToken=""</c> is not a
    /// claim (the Python charm counted it as one and then never claimed).
    /// </summary>
    public bool IsClaimed => NonEmpty(OnlineTokenAttribute) is not null;

    /// <summary>The custom server access URLs (Settings → Network), in order, blanks dropped.</summary>
    public IReadOnlyList<string> CustomConnections =>
        (Root.Attribute(CustomConnectionsAttribute)?.Value ?? string.Empty)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Reads a Preferences.xml.</summary>
    /// <param name="xml">The file's text.</param>
    /// <returns>The preferences.</returns>
    /// <exception cref="PreferencesFormatException">The text is not XML, or its root is not &lt;Preferences&gt;.</exception>
    public static PlexPreferences Parse(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        XDocument document;
        try
        {
            document = XDocument.Parse(xml, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            // Only the position: the message can quote the file, and the file may hold the server's token.
            throw new PreferencesFormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"Preferences.xml is not valid XML (line {e.LineNumber}, position {e.LinePosition}); the charm leaves it untouched. Fix or remove it and restart Plex."));
        }

        if (document.Root?.Name.LocalName != RootName)
        {
            throw new PreferencesFormatException(
                $"Preferences.xml's root element is <{document.Root?.Name.LocalName}>, not <{RootName}>; the charm leaves it untouched. Fix or remove it and restart Plex.");
        }

        return new PlexPreferences(document, xml.EndsWith('\n'));
    }

    /// <summary>Adds <paramref name="url"/> to the custom connections unless it is there, keeping every other URL in order.</summary>
    /// <param name="url">The URL.</param>
    /// <returns>Whether the document changed.</returns>
    public bool EnsureCustomConnection(string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        var urls = CustomConnections;
        if (urls.Contains(url, StringComparer.Ordinal))
        {
            return false;
        }

        Root.SetAttributeValue(CustomConnectionsAttribute, string.Join(',', urls.Append(url)));
        return true;
    }

    /// <summary>Sets the token that claims the server to a Plex account.</summary>
    /// <param name="token">The authentication token plex.tv issued.</param>
    public void SetOnlineToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        Root.SetAttributeValue(OnlineTokenAttribute, token);
    }

    /// <summary>The whole document as text: the declaration (if it had one) and the root with every attribute.</summary>
    /// <returns>The text to write back.</returns>
    public string ToXml()
    {
        var root = Root.ToString(SaveOptions.DisableFormatting);
        var text = document.Declaration is { } declaration ? $"{declaration}\n{root}" : root;
        return trailingNewline ? text + "\n" : text;
    }

    private string? NonEmpty(string attribute) =>
        Root.Attribute(attribute)?.Value is { Length: > 0 } value ? value : null;
}
