using System.Text;
using Charmarr.PlexK8s;
using Charmarr.PlexK8s.Claim;
using Charmarr.PlexK8s.Workload;

namespace Charmarr.Fuzz.Targets;

/// <summary>
/// plex-k8s's Preferences.xml reader and writer (<see cref="PlexPreferences"/>, internal to the charm). Documented:
/// <see cref="PreferencesFormatException"/>. Properties: what it reads it writes back to text that reads again with the same
/// root attributes; writing is idempotent; adding a custom connection and setting the token keep every other attribute
/// and read back.
/// </summary>
public sealed class PreferencesTarget : FuzzTarget
{
    /// <summary>The golden Preferences.xml Plex writes.</summary>
    public const string Unclaimed =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        + "<Preferences OldestPreviousVersion=\"1.43.1.10611-1e34174b1\" MachineIdentifier=\"1b2c3d4e-aaaa-bbbb-cccc-0123456789ab\" "
        + "ProcessedMachineIdentifier=\"4f1c2d3e5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d\" AnonymousMachineIdentifier=\"9a8b7c6d-0000-1111-2222-333344445555\" "
        + "FriendlyName=\"Tom &amp; Jerry's &lt;Plex&gt;\" TranscoderTempDirectory=\"/run/plex-temp\" "
        + "customConnections=\"https://plex.example.com:443, http://10.0.0.5:32400\" "
        + "AcceptedEULA=\"1\" PublishServerOnPlexOnlineKey=\"1\"/>\n";

    /// <inheritdoc />
    public override string Name => "plex-preferences";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions { get; } = [typeof(PreferencesFormatException)];

    /// <inheritdoc />
    public override IReadOnlyList<string> Seeds { get; } =
    [
        Unclaimed,
        Unclaimed.Replace("AcceptedEULA=\"1\"", "PlexOnlineToken=\"tok\" AcceptedEULA=\"1\"", StringComparison.Ordinal),
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Preferences OldestPreviousVersion=\"1.43.1\"/>\n",
        "\ufeff<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE Preferences>\n<!-- kept -->\n<Preferences FriendlyName=\"Café\"/>\n<?pi kept?>\n",
    ];

    /// <summary>Parses a Preferences.xml as the charm does.</summary>
    /// <param name="xml">The text.</param>
    /// <returns>The preferences.</returns>
    internal static PlexPreferences Parse(string xml) => PlexPreferences.Parse(xml);

    /// <summary>Writes preferences back as the charm does.</summary>
    /// <param name="preferences">The preferences.</param>
    /// <returns>The text.</returns>
    internal static string ToXml(PlexPreferences preferences) => preferences.ToXml();

    /// <inheritdoc />
    protected override FuzzOutcome Execute(string input)
    {
        var first = Parse(input);
        var text = ToXml(first);
        PlexPreferences second;
        try
        {
            second = Parse(text);
        }
        catch (Exception e) when (IsDocumented(e))
        {
            return FuzzOutcome.Property($"the charm's own rewrite does not read back ({e.Message}):\n{text}");
        }

        if (ToXml(second) != text)
        {
            return FuzzOutcome.Property("writing is not idempotent");
        }

        _ = second.MachineIdentifier;
        const string url = "http://10.1.2.3:32400";
        second.EnsureCustomConnection(url);
        second.SetOnlineToken("fuzz-token");
        var third = Parse(ToXml(second));
        if (!third.IsClaimed || !third.CustomConnections.Contains(url))
        {
            return FuzzOutcome.Property("the token or the custom connection did not read back");
        }

        return FuzzOutcome.Accepted;
    }
}

/// <summary>
/// The bodies plex.tv and Plex answer, parsed by the charm's static readers (<see cref="PlexTvClient.AuthenticationToken"/>,
/// <see cref="PlexServerClient.ReportsClaimed"/>): documented never to throw (null/false for what is not XML).
/// </summary>
public sealed class PlexBodyTarget : FuzzTarget
{
    private readonly Action<string> read;
    private readonly string name;

    private PlexBodyTarget(string name, Action<string> read, IReadOnlyList<string> seeds)
    {
        this.name = name;
        this.read = read;
        Seeds = seeds;
    }

    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions => [];

    /// <inheritdoc />
    public override IReadOnlyList<string> Seeds { get; }

    /// <summary>The plex.tv claim answer and the Plex /identity answer.</summary>
    /// <returns>The two targets.</returns>
    public static IEnumerable<FuzzTarget> All()
    {
        yield return new PlexBodyTarget("plex-tv-body", body => PlexTvClient.AuthenticationToken(body),
        [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<user id=\"1\" uuid=\"u\" authenticationToken=\"abc\"><authentication-token>abc</authentication-token></user>\n",
            "<user authToken=\"xyz\"/>",
        ]);
        yield return new PlexBodyTarget("plex-identity-body", body => PlexServerClient.ReportsClaimed(body),
            ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MediaContainer size=\"0\" claimed=\"1\" machineIdentifier=\"4f1c\" version=\"1.43.1\"/>\n"]);
    }

    /// <inheritdoc />
    protected override FuzzOutcome Execute(string input)
    {
        read(input);
        return FuzzOutcome.Accepted;
    }
}

/// <summary>
/// The claim exchange over HTTP: the real <see cref="PlexTvClient.ExchangeAsync"/> against a <see cref="RawHttpServer"/> on
/// loopback answering mutated HTTP, with a fuzzed machine identifier (it is read from Preferences.xml). An input is the
/// identifier's line, then the raw answer. Documented: <see cref="ClaimException"/>.
/// </summary>
public sealed class PlexTvExchangeTarget : FuzzTarget, IDisposable
{
    private readonly RawHttpServer server = RawHttpServer.StartTcp();
    private readonly PlexTvClient client;

    /// <summary>Starts the raw server and the client (2 s timeout).</summary>
    public PlexTvExchangeTarget()
    {
        var url = server.BaseUrl!.AbsoluteUri;
        client = new PlexTvClient(PlexOptions.FromEnvironment(_ => url) with { HttpTimeout = TimeSpan.FromSeconds(2) });
    }

    /// <inheritdoc />
    public override string Name => "plex-tv-exchange";

    /// <inheritdoc />
    public override bool IsCheap => false;

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions { get; } = [typeof(ClaimException)];

    /// <inheritdoc />
    public override IReadOnlyList<string> Seeds { get; } =
    [
        "4f1c2d3e5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d\n" + Encoding.UTF8.GetString(RawHttpServer.Http("200 OK", "<user authenticationToken=\"abc\"><authentication-token>abc</authentication-token></user>", "application/xml")),
        "4f1c2d3e5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d\n" + Encoding.UTF8.GetString(RawHttpServer.Http("422 Unprocessable Entity", "<errors><error>bad</error></errors>", "application/xml")),
    ];

    /// <inheritdoc />
    public void Dispose()
    {
        client.Dispose();
        server.Dispose();
    }

    /// <inheritdoc />
    protected override FuzzOutcome Execute(string input)
    {
        var newline = input.IndexOf('\n', StringComparison.Ordinal);
        var identifier = newline < 0 ? input : input[..newline];
        server.Answer = Encoding.UTF8.GetBytes(newline < 0 ? string.Empty : input[(newline + 1)..]);
        if (identifier.Length == 0)
        {
            identifier = "x"; // an empty identifier is refused by a guard before any I/O; the charm never passes one
        }

        client.ExchangeAsync("claim-abcdefghijklmnopqrst", identifier, CancellationToken.None).GetAwaiter().GetResult();
        return FuzzOutcome.Accepted;
    }
}
