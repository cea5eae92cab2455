using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Charmarr.PlexK8s.Workload;

/// <summary>
/// Plex's Preferences.xml: one <c>&lt;Preferences .../&gt;</c> element whose attributes are Plex's settings. Read with a
/// real XML parser (in the encoding its byte-order mark or declaration names); written back byte for byte as it was
/// except for the attributes the charm changed, which are edited in place in the root's start tag (or appended to it),
/// so the declaration, DOCTYPE, comments, processing instructions, whitespace, encoding and byte-order mark all stay.
/// </summary>
internal sealed class PlexPreferences
{
    private const string RootName = "Preferences";
    private const string MachineIdentifierAttribute = "ProcessedMachineIdentifier";
    private const string OnlineTokenAttribute = "PlexOnlineToken";
    private const string CustomConnectionsAttribute = "customConnections";

    private readonly string text;
    private readonly PreferencesEncoding encoding;
    private readonly XElement root;
    private readonly int rootStart;
    private readonly Dictionary<string, string> changed = new(StringComparer.Ordinal);

    private PlexPreferences(string text, PreferencesEncoding encoding, XElement root, int rootStart)
    {
        this.text = text;
        this.encoding = encoding;
        this.root = root;
        this.rootStart = rootStart;
    }

    /// <summary>The server's machine identifier, once Plex has initialised; <see langword="null"/> before.</summary>
    public string? MachineIdentifier => NonEmpty(MachineIdentifierAttribute);

    /// <summary>
    /// Whether the server is claimed: it holds a non-empty PlexOnlineToken. An empty <c>PlexOnlineToken=""</c> is not a
    /// claim (the Python charm counted it as one and then never claimed).
    /// </summary>
    public bool IsClaimed => NonEmpty(OnlineTokenAttribute) is not null;

    /// <summary>The server's PlexOnlineToken (a secret: never logged, stored or put in a Pebble plan), or <see langword="null"/> while unclaimed.</summary>
    public string? OnlineToken => NonEmpty(OnlineTokenAttribute);

    /// <summary>The custom server access URLs (Settings → Network), in order, blanks dropped.</summary>
    public IReadOnlyList<string> CustomConnections =>
        (root.Attribute(CustomConnectionsAttribute)?.Value ?? string.Empty)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Reads a Preferences.xml given as text (UTF-8 when written back; a leading U+FEFF is taken as its byte-order mark).</summary>
    /// <param name="xml">The file's text.</param>
    /// <returns>The preferences.</returns>
    /// <exception cref="PreferencesFormatException">The text is not XML, or its root is not &lt;Preferences&gt;.</exception>
    public static PlexPreferences Parse(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return xml.StartsWith('\uFEFF') ? Parse(xml[1..], PreferencesEncoding.Utf8WithBom) : Parse(xml, PreferencesEncoding.Utf8);
    }

    /// <summary>Reads a Preferences.xml from its bytes, in the encoding its byte-order mark or declaration names (UTF-8 by default).</summary>
    /// <param name="bytes">The file.</param>
    /// <returns>The preferences.</returns>
    /// <exception cref="PreferencesFormatException">The bytes are not XML in their encoding, or the root is not &lt;Preferences&gt;.</exception>
    public static PlexPreferences Parse(ReadOnlySpan<byte> bytes)
    {
        var encoding = PreferencesEncoding.Decode(bytes, out var text);
        return Parse(text, encoding);
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

        Set(CustomConnectionsAttribute, string.Join(',', urls.Append(url)));
        return true;
    }

    /// <summary>Sets the token that claims the server to a Plex account.</summary>
    /// <param name="token">The authentication token plex.tv issued.</param>
    public void SetOnlineToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        Set(OnlineTokenAttribute, token);
    }

    /// <summary>The whole document as text: the original with the changed attributes edited in the root's start tag.</summary>
    /// <returns>The text to write back.</returns>
    public string ToXml() => changed.Count == 0 ? text : StartTagEditor.Apply(text, rootStart, changed, encoding);

    /// <summary>The whole document as bytes in the file's own encoding, with its byte-order mark if it had one.</summary>
    /// <returns>The bytes to write back.</returns>
    public byte[] ToBytes() => encoding.Encode(ToXml());

    private static PlexPreferences Parse(string text, PreferencesEncoding encoding)
    {
        XDocument document;
        int rootStart;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersInDocument = 16 * 1024 * 1024 };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            document = XDocument.Load(reader, LoadOptions.PreserveWhitespace | LoadOptions.SetLineInfo);
            rootStart = document.Root is IXmlLineInfo info && info.HasLineInfo() ? Offset(text, info.LineNumber, info.LinePosition) - 1 : -1;
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

        if (rootStart < 0 || rootStart >= text.Length || text[rootStart] != '<')
        {
            throw new PreferencesFormatException("Preferences.xml's root element could not be located for editing; the charm leaves it untouched.");
        }

        return new PlexPreferences(text, encoding, document.Root, rootStart);
    }

    // XmlReader counts lines as XML does (\r\n, \r and \n each end one) and positions in characters from 1.
    private static int Offset(string text, int line, int position)
    {
        var offset = 0;
        for (var current = 1; current < line && offset < text.Length; offset++)
        {
            if (text[offset] == '\n' || (text[offset] == '\r' && (offset + 1 >= text.Length || text[offset + 1] != '\n')))
            {
                current++;
            }
        }

        return offset + position - 1;
    }

    private void Set(string attribute, string value)
    {
        root.SetAttributeValue(attribute, value);
        changed[attribute] = value;
    }

    private string? NonEmpty(string attribute) =>
        root.Attribute(attribute)?.Value is { Length: > 0 } value ? value : null;
}
