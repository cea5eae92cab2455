namespace Charmarr.PlexK8s.Tests.Configuration;

public sealed class PlexOptionsTests
{
    [Fact]
    public void Defaults_are_the_real_endpoints()
    {
        var options = PlexOptions.FromEnvironment(_ => null);

        Assert.Equal(new Uri("https://plex.tv"), options.PlexTvUrl);
        Assert.Equal(new Uri("http://localhost:32400"), options.PlexServerUrl);
    }

    [Fact]
    public void Environment_overrides_both_urls()
    {
        var env = new Dictionary<string, string?>
        {
            ["CHARMARR_PLEX_TV_URL"] = "http://127.0.0.1:5001",
            ["CHARMARR_PLEX_URL"] = "http://127.0.0.1:5002/",
        };

        var options = PlexOptions.FromEnvironment(name => env.GetValueOrDefault(name));

        Assert.Equal(new Uri("http://127.0.0.1:5001"), options.PlexTvUrl);
        Assert.Equal(new Uri("http://127.0.0.1:5002/"), options.PlexServerUrl);
    }

    [Fact]
    public void Bad_override_names_the_variable()
    {
        var e = Assert.Throws<InvalidOperationException>(() => PlexOptions.FromEnvironment(name => name == "CHARMARR_PLEX_URL" ? "localhost:32400" : null));

        Assert.Contains("CHARMARR_PLEX_URL", e.Message, StringComparison.Ordinal);
    }
}
