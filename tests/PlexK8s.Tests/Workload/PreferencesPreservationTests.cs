using System.Text;
using Charmarr.PlexK8s.Workload;

namespace Charmarr.PlexK8s.Tests.Workload;

/// <summary>
/// Issue 15: Preferences.xml is read in the encoding its byte-order mark or declaration names, and written back byte
/// for byte except for the attributes the charm changes.
/// </summary>
public sealed class PreferencesPreservationTests
{
    private const string Url = "http://plex.m.svc.cluster.local:32400";

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private const string Body =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Preferences ProcessedMachineIdentifier=\"abc\" FriendlyName=\"Tom &amp; Jerry\"/>\n";

    [Fact]
    public void A_utf8_file_with_a_byte_order_mark_is_read_and_keeps_its_mark()
    {
        byte[] file = [.. Utf8Bom, .. Encoding.UTF8.GetBytes(Body)];

        var preferences = PlexPreferences.Parse(file);
        preferences.EnsureCustomConnection(Url);

        Assert.Equal("abc", preferences.MachineIdentifier);
        byte[] expected = [.. Utf8Bom, .. Encoding.UTF8.GetBytes(Body.Replace("Jerry\"/>", $"Jerry\" customConnections=\"{Url}\"/>", StringComparison.Ordinal))];
        Assert.Equal(expected, preferences.ToBytes());
    }

    [Fact]
    public void A_utf8_text_starting_with_the_mark_character_is_read_too()
    {
        var preferences = PlexPreferences.Parse("\uFEFF" + Body);

        Assert.Equal("abc", preferences.MachineIdentifier);
        Assert.Equal([.. Utf8Bom, .. Encoding.UTF8.GetBytes(Body)], preferences.ToBytes());
    }

    [Theory]
    [InlineData("ISO-8859-1")]
    [InlineData("windows-1252")]
    public void A_single_byte_file_keeps_its_accented_letters_and_its_encoding(string name)
    {
        var text = $"<?xml version=\"1.0\" encoding=\"{name}\"?>\n<Preferences FriendlyName=\"Médiathèque à côté\" ProcessedMachineIdentifier=\"abc\"/>\n";
        var encoding = Encoding.Latin1;
        var file = encoding.GetBytes(text);

        var preferences = PlexPreferences.Parse(file);
        preferences.SetOnlineToken("tok-é"); // a character the charm writes is escaped if the encoding lacks it
        var written = preferences.ToBytes();

        var expected = encoding.GetBytes(text.Replace("\"abc\"/>", "\"abc\" PlexOnlineToken=\"tok-é\"/>", StringComparison.Ordinal));
        Assert.Equal(expected.Length + "&#xE9;".Length - 1, written.Length);
        Assert.Contains("FriendlyName=\"Médiathèque à côté\"", encoding.GetString(written), StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", encoding.GetString(written), StringComparison.Ordinal);
        Assert.Equal("tok-é", System.Xml.Linq.XDocument.Parse(encoding.GetString(written)[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..]).Root!.Attribute("PlexOnlineToken")!.Value);
    }

    [Fact]
    public void A_utf16_file_with_its_mark_is_read_and_written_back_as_utf16()
    {
        var text = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<Preferences ProcessedMachineIdentifier=\"abc\"/>";
        byte[] file = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)];

        var preferences = PlexPreferences.Parse(file);
        preferences.EnsureCustomConnection(Url);

        byte[] expected = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text.Replace("\"abc\"/>", $"\"abc\" customConnections=\"{Url}\"/>", StringComparison.Ordinal))];
        Assert.Equal(expected, preferences.ToBytes());
    }

    [Fact]
    public void Everything_outside_the_changed_attributes_is_kept_byte_for_byte()
    {
        const string Original =
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\r\n"
            + "<!-- written by hand -->\r\n"
            + "<?plex-hint keep=\"me\"?>\r\n"
            + "<!DOCTYPE Preferences [ <!ATTLIST Preferences a CDATA #IMPLIED> ]>\r\n"
            + "<Preferences\r\n\tOldestPreviousVersion = '1.43'\r\n\tPlexOnlineToken=\"old-token\"   FriendlyName='a &quot;b&quot; &#x26; c'\r\n"
            + "\tcustomConnections=\"https://x:443\"  >\r\n  <Child>text</Child>\r\n</Preferences>\r\n"
            + "<!-- trailing comment -->\r\n\r\n";

        var preferences = PlexPreferences.Parse(Encoding.UTF8.GetBytes(Original));
        preferences.SetOnlineToken("new&\"token");
        preferences.EnsureCustomConnection(Url);

        var expected = Original
            .Replace("PlexOnlineToken=\"old-token\"", "PlexOnlineToken=\"new&amp;&quot;token\"", StringComparison.Ordinal)
            .Replace("customConnections=\"https://x:443\"", $"customConnections=\"https://x:443,{Url}\"", StringComparison.Ordinal);
        Assert.Equal(expected, Encoding.UTF8.GetString(preferences.ToBytes()));
        Assert.True(PlexPreferences.Parse(preferences.ToBytes()).IsClaimed);
    }

    [Fact]
    public void A_new_attribute_goes_after_the_last_one_keeping_a_single_quoted_tag_intact()
    {
        const string Original = "<Preferences a='1' b=\"2\"   />";
        var preferences = PlexPreferences.Parse(Original);

        preferences.SetOnlineToken("t");

        Assert.Equal("<Preferences a='1' b=\"2\" PlexOnlineToken=\"t\"   />", preferences.ToXml());
    }

    [Fact]
    public void An_unchanged_file_is_written_back_identical()
    {
        var file = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<!-- c -->\n<Preferences  x=\"1\"/>");

        Assert.Equal(file, PlexPreferences.Parse(file).ToBytes());
    }

    [Fact]
    public void An_unknown_declared_encoding_is_refused_without_touching_the_file()
    {
        var file = Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"x-no-such-encoding\"?>\n<Preferences/>");

        var e = Assert.Throws<PreferencesFormatException>(() => PlexPreferences.Parse(file));

        Assert.Contains("x-no-such-encoding", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_invalid_in_utf8_are_refused()
    {
        byte[] file = [.. Encoding.ASCII.GetBytes("<Preferences a=\""), 0xC3, 0x28, .. Encoding.ASCII.GetBytes("\"/>")];

        var e = Assert.Throws<PreferencesFormatException>(() => PlexPreferences.Parse(file));

        Assert.Contains("not valid utf-8", e.Message, StringComparison.Ordinal);
    }
}
