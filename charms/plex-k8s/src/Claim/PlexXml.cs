using System.Xml;
using System.Xml.Linq;

namespace Charmarr.PlexK8s.Claim;

/// <summary>Parses the XML answers of plex.tv and Plex: no DTD (so no entity expansion), no external resources.</summary>
internal static class PlexXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = PlexOptions.DefaultMaxAnswerBytes * 2L,
    };

    /// <summary>The document, or <see langword="null"/> when the text is not XML (or declares a DTD).</summary>
    /// <param name="text">The answer.</param>
    /// <returns>The document.</returns>
    public static XDocument? TryParse(string text)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
