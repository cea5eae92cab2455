using System.Net.Sockets;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Tests.Pebble.Server;

namespace Charmarr.Ops.Tests.Pebble;

/// <summary>Every way a call can fail, each as its typed exception naming the operation.</summary>
public sealed class PebbleClientErrorTests : PebbleWireTest
{
    [Fact]
    public async Task An_absent_socket_is_a_connection_error_that_says_so()
    {
        var path = $"/tmp/pb-absent-{Guid.NewGuid().ToString("N")[..8]}.sock";
        using var client = new PebbleClient(path);

        var error = await Assert.ThrowsAsync<PebbleConnectionException>(() => Within(client.GetSystemInfoAsync(TestContext.Current.CancellationToken)));

        Assert.Equal($"pebble version: Could not connect to Pebble: socket not found at {path} (container restarted?)", error.Message);
        Assert.Equal(path, error.SocketPath);
        Assert.Equal("pebble version", error.Operation);
    }

    [Fact]
    public async Task A_socket_nobody_listens_on_refuses_the_connection()
    {
        var path = $"/tmp/pb-dead-{Guid.NewGuid().ToString("N")[..8]}.sock";
        using var bound = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        bound.Bind(new UnixDomainSocketEndPoint(path));
        using var client = new PebbleClient(path);

        var error = await Assert.ThrowsAsync<PebbleConnectionException>(() => Within(client.GetServicesAsync(cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal($"pebble services: Could not connect to Pebble at {path}: connection refused (is Pebble running?)", error.Message);
    }

    [Fact]
    public async Task A_connection_closed_in_the_middle_of_a_response_is_a_connection_error()
    {
        Server.Enqueue(new BrokenReply("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"type\":\"sync\","));

        var error = await Assert.ThrowsAsync<PebbleConnectionException>(() => Within(Client.GetSystemInfoAsync(TestContext.Current.CancellationToken)));

        Assert.StartsWith($"pebble version: the connection to Pebble at {Server.SocketPath} broke off in the middle of the exchange", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_closed_before_any_answer_is_a_connection_error()
    {
        Server.Enqueue(new BrokenReply(""));

        await Assert.ThrowsAsync<PebbleConnectionException>(() => Within(Client.GetPlanAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_Pebble_that_does_not_answer_in_time_is_a_connection_error()
    {
        Server.Enqueue(new SilentReply());
        using var impatient = new PebbleClient(Server.SocketPath, TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<PebbleConnectionException>(() => Within(impatient.GetSystemInfoAsync(TestContext.Current.CancellationToken)));

        Assert.Equal($"pebble version: Pebble at {Server.SocketPath} did not answer within 0.3s", error.Message);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_dressed_up_as_a_Pebble_error()
    {
        Server.Enqueue(new SilentReply());
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Within(Client.GetSystemInfoAsync(cancel.Token)));
    }

    [Fact]
    public async Task An_error_envelope_with_a_kind_is_an_API_error_with_status_kind_and_message()
    {
        Server.Enqueue(Envelopes.Error(400, "no default services", "no-default-services"));

        var error = await Assert.ThrowsAsync<PebbleApiException>(() => Within(Client.AutostartServicesAsync(cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal((400, "Bad Request", "no-default-services", "no default services"), (error.StatusCode, error.Status, error.Kind, error.ApiMessage));
        Assert.Equal("pebble autostart: 400 Bad Request: no default services", error.Message);
    }

    [Fact]
    public async Task An_error_envelope_without_a_kind_has_no_kind()
    {
        Server.Enqueue(Envelopes.Error(500, "cannot send signal to \"plex\": service is not running"));

        var error = await Assert.ThrowsAsync<PebbleApiException>(() => Within(Client.SendSignalAsync("SIGHUP", ["plex"], TestContext.Current.CancellationToken)));

        Assert.Equal((500, "Internal Server Error", (string?)null), (error.StatusCode, error.Status, error.Kind));
        Assert.Equal("pebble signal SIGHUP plex: 500 Internal Server Error: cannot send signal to \"plex\": service is not running", error.Message);
    }

    [Fact]
    public async Task An_unknown_endpoint_is_an_API_error_404()
    {
        Server.Enqueue(Envelopes.Error(404, "invalid API endpoint requested"));

        var error = await Assert.ThrowsAsync<PebbleApiException>(() => Within(Client.GetIdentitiesAsync(TestContext.Current.CancellationToken)));

        Assert.Equal((404, "invalid API endpoint requested"), (error.StatusCode, error.ApiMessage));
    }

    [Fact]
    public async Task A_401_carries_the_login_required_kind()
    {
        Server.Enqueue(Envelopes.Error(401, "access denied", "login-required"));

        var error = await Assert.ThrowsAsync<PebbleApiException>(() => Within(Client.GetPlanAsync(TestContext.Current.CancellationToken)));

        Assert.Equal(PebbleErrorKinds.LoginRequired, error.Kind);
    }

    [Fact]
    public async Task An_error_body_that_is_not_JSON_is_still_an_API_error_with_the_status()
    {
        Server.Enqueue(new BodyReply(502, "<html>bad gateway</html>", "text/html"));

        var error = await Assert.ThrowsAsync<PebbleApiException>(() => Within(Client.GetSystemInfoAsync(TestContext.Current.CancellationToken)));

        Assert.Equal((502, "Bad Gateway", (string?)null), (error.StatusCode, error.Status, error.Kind));
        Assert.Contains("<html>bad gateway</html>", error.ApiMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_that_is_not_JSON_is_a_protocol_error_about_the_content_type()
    {
        Server.Enqueue(new BodyReply(200, "OK", "text/plain"));

        var error = await Assert.ThrowsAsync<PebbleProtocolException>(() => Within(Client.GetSystemInfoAsync(TestContext.Current.CancellationToken)));

        Assert.Equal("pebble version: expected Content-Type 'application/json', got 'text/plain'", error.Message);
    }

    [Fact]
    public async Task A_success_with_malformed_JSON_is_a_protocol_error()
    {
        Server.Enqueue(new BodyReply(200, "{\"type\":\"sync\","));

        var error = await Assert.ThrowsAsync<PebbleProtocolException>(() => Within(Client.GetSystemInfoAsync(TestContext.Current.CancellationToken)));

        Assert.StartsWith("pebble version: the response is not Pebble's JSON envelope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_missing_a_required_field_is_a_protocol_error()
    {
        Server.Enqueue(Envelopes.Sync("""{"boot-id":"b"}"""));

        var error = await Assert.ThrowsAsync<PebbleProtocolException>(() => Within(Client.GetSystemInfoAsync(TestContext.Current.CancellationToken)));

        Assert.StartsWith("pebble version: unexpected response from Pebble", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_change_that_failed_is_a_change_error_with_the_err_and_task_logs()
    {
        const string err = "cannot perform the following tasks:\n- Start service \"svc\" (cannot start service: exited quickly with code 1)";
        Server.Enqueue(Envelopes.Async("42"), Envelopes.Sync(Envelopes.Change("42", status: "Error", err: err)));

        var error = await Assert.ThrowsAsync<PebbleChangeException>(() => Within(Client.StartServicesAsync(["svc"], cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal(err, error.Err);
        Assert.Equal("42", error.Change!.Id);
        Assert.Equal("pebble start svc", error.Operation);
        Assert.Contains("2024-01-02T03:04:05Z INFO Most recent message", error.Message, StringComparison.Ordinal);
    }
}
