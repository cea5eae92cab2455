namespace Charmarr.PlexK8s.Tests.Workload;

/// <summary>Preferences.xml as Plex writes them.</summary>
internal static class PreferencesSamples
{
    public const string MachineIdentifier = "4f1c2d3e5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d";

    /// <summary>A freshly initialised, unclaimed server, with an attribute value that needs escaping.</summary>
    public const string Unclaimed =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        + "<Preferences OldestPreviousVersion=\"1.43.1.10611-1e34174b1\" MachineIdentifier=\"1b2c3d4e-aaaa-bbbb-cccc-0123456789ab\" "
        + "ProcessedMachineIdentifier=\"" + MachineIdentifier + "\" AnonymousMachineIdentifier=\"9a8b7c6d-0000-1111-2222-333344445555\" "
        + "FriendlyName=\"Tom &amp; Jerry's &lt;Plex&gt;\" TranscoderTempDirectory=\"/run/plex-temp\" "
        + "customConnections=\"https://plex.example.com:443, http://10.0.0.5:32400\" "
        + "AcceptedEULA=\"1\" PublishServerOnPlexOnlineKey=\"1\"/>\n";

    public static string Claimed(string token) => Unclaimed.Replace("AcceptedEULA=\"1\"", $"PlexOnlineToken=\"{token}\" AcceptedEULA=\"1\"", StringComparison.Ordinal);

    public static string WithEmptyToken => Claimed("");

    public const string NotInitialised = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Preferences OldestPreviousVersion=\"1.43.1\"/>\n";
}
