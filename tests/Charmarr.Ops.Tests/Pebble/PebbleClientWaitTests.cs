using Charmarr.Ops.Pebble;
using Charmarr.Ops.Tests.Pebble.Server;

namespace Charmarr.Ops.Tests.Pebble;

/// <summary>Waiting for changes as ops does: <c>/wait</c> in slices, 504 as "not yet", 404 as "poll instead".</summary>
public sealed class PebbleClientWaitTests : PebbleWireTest
{
    [Fact]
    public async Task A_service_action_waits_for_its_change_and_returns_its_id()
    {
        Server.Enqueue(Envelopes.Async("42"), Envelopes.Sync(Envelopes.Change("42")));

        var id = await Within(Client.StartServicesAsync(["svc"], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("42", id);
        Assert.Equal(["/v1/services", "/v1/changes/42/wait?timeout=4.000s"], Server.Requests.Select(r => r.Target));
    }

    [Fact]
    public async Task A_zero_timeout_returns_the_change_id_without_waiting()
    {
        Server.Enqueue(Envelopes.Async("42"));

        Assert.Equal("42", await Within(Client.ReplanServicesAsync(TimeSpan.Zero, TestContext.Current.CancellationToken)));
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task A_504_ends_one_slice_and_the_wait_goes_on()
    {
        Server.Enqueue(
            Envelopes.Error(504, "timed out waiting for change after 4s"),
            Envelopes.Error(504, "timed out waiting for change after 4s"),
            Envelopes.Sync(Envelopes.Change("7")));

        var change = await Within(Client.WaitChangeAsync("7", TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));

        Assert.Equal("7", change.Id);
        Assert.Equal(3, Server.Requests.Count);
        Assert.All(Server.Requests, r => Assert.Equal("/v1/changes/7/wait?timeout=4.000s", r.Target));
    }

    [Fact]
    public async Task A_change_not_ready_by_the_deadline_is_a_timeout_error()
    {
        Server.Handler = _ => new DelayedReply(TimeSpan.FromMilliseconds(700), Envelopes.Error(504, "timed out waiting for change after 700ms"));

        var error = await Assert.ThrowsAsync<PebbleTimeoutException>(() => Within(Client.WaitChangeAsync("7", TimeSpan.FromMilliseconds(700), TestContext.Current.CancellationToken)));

        Assert.Equal(TimeSpan.FromMilliseconds(700), error.Timeout);
        Assert.Equal("pebble wait 7 (waiting for change 7): timed out after 0.7s", error.Message);
        Assert.Equal("/v1/changes/7/wait?timeout=0.700s", Server.Requests[0].Target);
    }

    [Fact]
    public async Task A_Pebble_without_the_wait_endpoint_is_polled_until_the_change_is_ready()
    {
        Server.Enqueue(
            Envelopes.Error(404, "invalid API endpoint requested"),
            Envelopes.Sync(Envelopes.Change("7", status: "Doing", ready: false)),
            Envelopes.Sync(Envelopes.Change("7")));

        var change = await Within(Client.WaitChangeAsync("7", cancellationToken: TestContext.Current.CancellationToken));

        Assert.True(change.Ready);
        Assert.Equal(["/v1/changes/7/wait?timeout=4.000s", "/v1/changes/7", "/v1/changes/7"], Server.Requests.Select(r => r.Target));
    }

    [Fact]
    public async Task An_unknown_change_ends_as_the_polls_404()
    {
        Server.Enqueue(Envelopes.Error(404, "cannot find change with id \"9\""), Envelopes.Error(404, "cannot find change with id \"9\""));

        var error = await Assert.ThrowsAsync<PebbleApiException>(() => Within(Client.WaitChangeAsync("9", cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal((404, "cannot find change with id \"9\""), (error.StatusCode, error.ApiMessage));
    }

    [Fact]
    public async Task A_short_client_timeout_still_waits_in_one_second_slices()
    {
        using var client = new PebbleClient(Server.SocketPath, TimeSpan.FromSeconds(1));
        Server.Enqueue(Envelopes.Sync(Envelopes.Change("7")));

        await Within(client.WaitChangeAsync("7", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("/v1/changes/7/wait?timeout=1.000s", Request.Target);
    }
}
