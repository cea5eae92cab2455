using System.Net;
using Charmarr.Ops.Testing.Http;

namespace Charmarr.Ops.Testing.Tests.Http;

/// <summary>The loopback HTTP fake: scripted answers, recorded requests, faults once or until cleared.</summary>
public sealed class HttpFakeTests : IAsyncLifetime
{
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(10) };
    private HttpFake fake = null!;

    public async ValueTask InitializeAsync() => fake = await HttpFake.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await fake.DisposeAsync();
    }

    [Fact]
    public async Task Scripted_answers_by_method_and_path_and_every_request_recorded()
    {
        fake.Answer("GET", "/identity", HttpFakeResponse.Xml(200, "<MediaContainer/>"));
        fake.Answer("POST", "/echo", request => HttpFakeResponse.Json(201, $"{{\"got\":\"{request.Body}\",\"q\":\"{request.QueryValue("token")}\"}}"));

        var identity = await client.GetStringAsync(new Uri(fake.BaseUrl, "identity"), TestContext.Current.CancellationToken);
        using var echo = await client.PostAsync(new Uri(fake.BaseUrl, "echo?token=a%20b"), new StringContent("hi"), TestContext.Current.CancellationToken);
        using var missing = await client.GetAsync(new Uri(fake.BaseUrl, "nowhere"), TestContext.Current.CancellationToken);

        Assert.Equal("<MediaContainer/>", identity);
        Assert.Equal(HttpStatusCode.Created, echo.StatusCode);
        Assert.Equal("{\"got\":\"hi\",\"q\":\"a b\"}", await echo.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("the fake has no answer for GET /nowhere", await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["GET /identity", "POST /echo?token=a%20b", "GET /nowhere"], fake.Requests.Select(r => r.ToString()));
        Assert.Equal("hi", fake.Requests[1].Body);
    }

    [Fact]
    public async Task A_fault_once_then_the_answer_and_a_lasting_fault_until_cleared()
    {
        fake.Answer("*", "*", HttpFakeResponse.Empty(204));
        fake.FailNext(HttpFault.Status(503));

        var first = await StatusAsync();
        var second = await StatusAsync();
        fake.FailAlways(HttpFault.Drop);
        await Assert.ThrowsAsync<HttpRequestException>(StatusAsync);
        await Assert.ThrowsAsync<HttpRequestException>(StatusAsync);
        fake.ClearFaults();
        var after = await StatusAsync();

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.NoContent, HttpStatusCode.NoContent], [first, second, after]);
    }

    [Fact]
    public async Task A_hang_lasts_until_the_client_gives_up()
    {
        fake.FailNext(HttpFault.Hang);

        // Long enough for a loaded machine to deliver the request (a shorter one could give up before sending it); the
        // hang never ends, so any finite timeout shows it.
        using var impatient = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync(fake.BaseUrl, TestContext.Current.CancellationToken));

        Assert.Single(fake.Requests);
    }

    private async Task<HttpStatusCode> StatusAsync()
    {
        using var response = await client.GetAsync(fake.BaseUrl, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
