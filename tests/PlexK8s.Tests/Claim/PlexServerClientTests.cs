using Charmarr.Ops.Testing.Http;
using Charmarr.PlexK8s.Claim;

namespace Charmarr.PlexK8s.Tests.Claim;

public sealed class PlexServerClientTests : IAsyncLifetime
{
    private HttpFake plex = null!;

    public async ValueTask InitializeAsync() => plex = await HttpFake.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await plex.DisposeAsync();

    private PlexServerClient Client(TimeSpan claimWait) => new(
        PlexOptions.Default with { PlexServerUrl = plex.BaseUrl, ClaimWait = claimWait, ClaimPollInterval = TimeSpan.FromMilliseconds(10) },
        TimeProvider.System);

    [Theory]
    [InlineData("<MediaContainer size=\"0\" claimed=\"1\" machineIdentifier=\"m\" version=\"1.43\"/>", true)]
    [InlineData("<MediaContainer size=\"0\" claimed=\"0\" machineIdentifier=\"m\"/>", false)]
    [InlineData("<MediaContainer size=\"0\"/>", false)]
    [InlineData("not xml", false)]
    public void Identity_answer_is_read(string body, bool claimed) => Assert.Equal(claimed, PlexServerClient.ReportsClaimed(body));

    [Fact]
    public async Task Wait_returns_once_identity_reports_claimed()
    {
        var calls = 0;
        plex.Answer("GET", "/identity", _ => HttpFakeResponse.Xml(Interlocked.Increment(ref calls) < 3 ? 503 : 200, "<MediaContainer claimed=\"1\"/>"));
        using var client = Client(TimeSpan.FromMinutes(5));

        Assert.True(await client.WaitUntilClaimedAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, plex.Requests.Count);
        Assert.All(plex.Requests, r => Assert.Equal("/identity", r.Path));
    }

    [Fact]
    public async Task Wait_gives_up_when_plex_never_reports_claimed()
    {
        plex.Answer("GET", "/identity", HttpFakeResponse.Xml(200, "<MediaContainer claimed=\"0\"/>"));
        using var client = Client(TimeSpan.FromMilliseconds(50));

        Assert.False(await client.WaitUntilClaimedAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(plex.Requests);
    }

    [Fact]
    public async Task An_identity_answer_larger_than_the_cap_fails_the_claim_wait_with_a_clear_message()
    {
        plex.Answer("GET", "/identity", HttpFakeResponse.Xml(200, "<MediaContainer claimed=\"1\"/>" + new string(' ', 64 * 1024)));
        using var client = new PlexServerClient(
            PlexOptions.Default with { PlexServerUrl = plex.BaseUrl, ClaimWait = TimeSpan.FromMinutes(5), MaxAnswerBytes = 4096 },
            TimeProvider.System);

        var e = await Assert.ThrowsAsync<ClaimException>(() => client.WaitUntilClaimedAsync(TestContext.Current.CancellationToken));

        Assert.Contains("was larger than 4096 bytes", e.Message, StringComparison.Ordinal);
    }
}
