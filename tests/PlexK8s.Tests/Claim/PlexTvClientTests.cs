using Charmarr.Ops.Testing.Http;
using Charmarr.PlexK8s.Claim;
using Charmarr.PlexK8s.Tests.Fakes;

namespace Charmarr.PlexK8s.Tests.Claim;

public sealed class PlexTvClientTests : IAsyncLifetime
{
    private const string Token = "claim-Tok3nUnderTest_xyz";
    private const string MachineId = "machine-1234";

    private HttpFake plexTv = null!;

    public async ValueTask InitializeAsync() => plexTv = await HttpFake.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await plexTv.DisposeAsync();

    private PlexTvClient Client(TimeSpan? timeout = null) =>
        new(PlexOptions.Default with { PlexTvUrl = plexTv.BaseUrl, HttpTimeout = timeout ?? TimeSpan.FromSeconds(10) });

    private async Task<ClaimException> FailureAsync(TimeSpan? timeout = null)
    {
        using var client = Client(timeout);
        var e = await Assert.ThrowsAsync<ClaimException>(() => client.ExchangeAsync(Token, MachineId, TestContext.Current.CancellationToken));
        Assert.DoesNotContain(Token, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("token=", e.ToString(), StringComparison.Ordinal);
        return e;
    }

    [Fact]
    public async Task Exchange_posts_the_token_with_plex_headers_and_reads_the_authentication_token()
    {
        plexTv.Exchanging(Token);
        using var client = Client();

        var authToken = await client.ExchangeAsync(Token, MachineId, TestContext.Current.CancellationToken);

        Assert.Equal(FakePlexTv.AuthToken, authToken);
        var request = Assert.Single(plexTv.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/claim/exchange", request.Path);
        Assert.Equal($"?token={Token}", request.Query);
        Assert.Equal(MachineId, request.Header("X-Plex-Client-Identifier"));
        Assert.Equal("Plex Media Server", request.Header("X-Plex-Product"));
        Assert.Equal("1.1", request.Header("X-Plex-Version"));
    }

    [Fact]
    public async Task Attribute_only_answer_still_gives_the_token()
    {
        plexTv.Answer("POST", FakePlexTv.ExchangePath, HttpFakeResponse.Xml(201, "<user authenticationToken=\"attr-token\"/>"));
        using var client = Client();

        Assert.Equal("attr-token", await client.ExchangeAsync(Token, MachineId, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(401, "refused the claim token (401): it has expired (tokens last 4 minutes) or was already used")]
    [InlineData(404, "refused the claim token (404): it has expired (tokens last 4 minutes) or was already used")]
    [InlineData(500, "failed to exchange the claim token (500). Try again in a few minutes")]
    [InlineData(503, "failed to exchange the claim token (503). Try again in a few minutes")]
    public async Task Refusal_or_server_error_says_what_to_do(int status, string message)
    {
        plexTv.Answer("POST", FakePlexTv.ExchangePath, HttpFakeResponse.Xml(status, "<errors><error>Not found</error></errors>"));

        var e = await FailureAsync();

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Contains("https://plex.tv/claim", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_status_is_named_with_the_url_but_not_its_query()
    {
        plexTv.Answer("POST", FakePlexTv.ExchangePath, HttpFakeResponse.Xml(302, ""));

        var e = await FailureAsync();

        Assert.Contains($"answered 302 to POST {plexTv.BaseUrl}api/claim/exchange.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_answer_larger_than_the_cap_fails_with_a_clear_message_and_is_not_read(bool chunked)
    {
        var body = "<user authenticationToken=\"x\"/>" + new string(' ', 64 * 1024);
        plexTv.Answer("POST", FakePlexTv.ExchangePath, new HttpFakeResponse(200, body) { Chunked = chunked });
        using var client = new PlexTvClient(PlexOptions.Default with { PlexTvUrl = plexTv.BaseUrl, HttpTimeout = TimeSpan.FromSeconds(10), MaxAnswerBytes = 4096 });

        var e = await Assert.ThrowsAsync<ClaimException>(() => client.ExchangeAsync(Token, MachineId, TestContext.Current.CancellationToken));

        Assert.Contains("was larger than 4096 bytes", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, e.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc\ndef")]
    [InlineData("abc\u0001def")]
    [InlineData("ab cd")]
    [InlineData("machine-é")]
    public async Task A_machine_identifier_that_cannot_be_a_header_fails_with_a_claim_error_before_any_request(string identifier)
    {
        using var client = Client();

        var e = await Assert.ThrowsAsync<ClaimException>(() => client.ExchangeAsync(Token, identifier, TestContext.Current.CancellationToken));

        Assert.Contains("ProcessedMachineIdentifier holds characters", e.Message, StringComparison.Ordinal);
        Assert.Empty(plexTv.Requests);
    }

    [Theory]
    [InlineData("<!DOCTYPE user [<!ENTITY t \"abc\">]><user authenticationToken=\"&t;\"/>")]
    [InlineData("<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><user authenticationToken=\"&c;\"/>")]
    public void An_answer_with_a_dtd_gives_no_token_and_expands_no_entities(string body)
    {
        Assert.Null(PlexTvClient.AuthenticationToken(body));
        Assert.False(PlexServerClient.ReportsClaimed(body.Replace("authenticationToken", "claimed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Success_without_a_token_is_an_error()
    {
        plexTv.Answer("POST", FakePlexTv.ExchangePath, HttpFakeResponse.Xml(200, "<user id=\"1\"/>"));

        var e = await FailureAsync();

        Assert.Contains("held no authentication token", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slow_plex_tv_times_out_with_a_clear_message()
    {
        plexTv.FailAlways(HttpFault.Hang);

        var e = await FailureAsync(TimeSpan.FromMilliseconds(200));

        Assert.Contains("did not answer within 0.2 s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_plex_tv_says_so()
    {
        var closedPort = plexTv.BaseUrl;
        await plexTv.DisposeAsync();
        plexTv = await HttpFake.StartAsync(TestContext.Current.CancellationToken); // for DisposeAsync; the client below still targets the closed port
        using var client = new PlexTvClient(PlexOptions.Default with { PlexTvUrl = closedPort, HttpTimeout = TimeSpan.FromSeconds(10) });

        var e = await Assert.ThrowsAsync<ClaimException>(() => client.ExchangeAsync(Token, MachineId, TestContext.Current.CancellationToken));

        Assert.Contains("Could not reach plex.tv", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, e.ToString(), StringComparison.Ordinal);
    }
}
