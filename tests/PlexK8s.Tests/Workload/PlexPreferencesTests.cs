using System.Xml.Linq;
using Charmarr.PlexK8s.Workload;

namespace Charmarr.PlexK8s.Tests.Workload;

public sealed class PlexPreferencesTests
{
    private static Dictionary<string, string> Attributes(string xml) =>
        XDocument.Parse(xml).Root!.Attributes().ToDictionary(a => a.Name.LocalName, a => a.Value, StringComparer.Ordinal);

    private static List<(string, string)> OrderedAttributes(string xml) =>
        XDocument.Parse(xml).Root!.Attributes().Select(a => (a.Name.LocalName, a.Value)).ToList();

    [Fact]
    public void Unchanged_document_keeps_declaration_attributes_in_order_and_final_newline()
    {
        var xml = PlexPreferences.Parse(PreferencesSamples.Unclaimed).ToXml();

        Assert.Equal(OrderedAttributes(PreferencesSamples.Unclaimed), OrderedAttributes(xml));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Preferences OldestPreviousVersion=", xml, StringComparison.Ordinal);
        Assert.EndsWith("/>\n", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_the_online_token_keeps_every_other_attribute_and_its_value()
    {
        var preferences = PlexPreferences.Parse(PreferencesSamples.Unclaimed);

        preferences.SetOnlineToken("tok&en\"1");

        var before = Attributes(PreferencesSamples.Unclaimed);
        var after = Attributes(preferences.ToXml());
        Assert.Equal("tok&en\"1", after["PlexOnlineToken"]);
        after.Remove("PlexOnlineToken");
        Assert.Equal(before, after);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Preferences ", preferences.ToXml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_the_online_token_replaces_an_old_one()
    {
        var preferences = PlexPreferences.Parse(PreferencesSamples.Claimed("old"));

        preferences.SetOnlineToken("new");

        Assert.Equal("new", Attributes(preferences.ToXml())["PlexOnlineToken"]);
        Assert.DoesNotContain("old", preferences.ToXml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_online_token_is_not_a_claim()
    {
        Assert.False(PlexPreferences.Parse(PreferencesSamples.WithEmptyToken).IsClaimed);
        Assert.False(PlexPreferences.Parse(PreferencesSamples.Unclaimed).IsClaimed);
        Assert.True(PlexPreferences.Parse(PreferencesSamples.Claimed("abc")).IsClaimed);
    }

    [Fact]
    public void Machine_identifier_is_there_only_once_plex_has_initialised()
    {
        Assert.Equal(PreferencesSamples.MachineIdentifier, PlexPreferences.Parse(PreferencesSamples.Unclaimed).MachineIdentifier);
        Assert.Null(PlexPreferences.Parse(PreferencesSamples.NotInitialised).MachineIdentifier);
    }

    [Fact]
    public void Custom_connection_is_appended_after_the_users_own_urls()
    {
        var preferences = PlexPreferences.Parse(PreferencesSamples.Unclaimed);

        Assert.True(preferences.EnsureCustomConnection("http://plex.charmarr.svc.cluster.local:32400"));

        Assert.Equal(
            ["https://plex.example.com:443", "http://10.0.0.5:32400", "http://plex.charmarr.svc.cluster.local:32400"],
            preferences.CustomConnections);
        Assert.Equal(
            "https://plex.example.com:443,http://10.0.0.5:32400,http://plex.charmarr.svc.cluster.local:32400",
            Attributes(preferences.ToXml())["customConnections"]);
    }

    [Fact]
    public void Custom_connection_already_there_changes_nothing()
    {
        var preferences = PlexPreferences.Parse(PreferencesSamples.Unclaimed);

        Assert.False(preferences.EnsureCustomConnection("http://10.0.0.5:32400"));

        Assert.Equal(OrderedAttributes(PreferencesSamples.Unclaimed), OrderedAttributes(preferences.ToXml()));
    }

    [Fact]
    public void Custom_connection_is_created_when_the_attribute_is_missing()
    {
        var preferences = PlexPreferences.Parse(PreferencesSamples.NotInitialised);

        Assert.True(preferences.EnsureCustomConnection("http://plex.m.svc.cluster.local:32400"));

        Assert.Equal("http://plex.m.svc.cluster.local:32400", Attributes(preferences.ToXml())["customConnections"]);
        Assert.Equal("1.43.1", Attributes(preferences.ToXml())["OldestPreviousVersion"]);
    }

    [Fact]
    public void Malformed_file_is_refused_without_quoting_it()
    {
        const string truncated = "<?xml version=\"1.0\"?>\n<Preferences PlexOnlineToken=\"secret-server-token\" Friendly";

        var e = Assert.Throws<PreferencesFormatException>(() => PlexPreferences.Parse(truncated));

        Assert.Contains("not valid XML", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-server-token", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_whose_root_is_not_preferences_is_refused()
    {
        var e = Assert.Throws<PreferencesFormatException>(() => PlexPreferences.Parse("<Settings a=\"1\"/>"));

        Assert.Contains("<Settings>", e.Message, StringComparison.Ordinal);
    }
}
