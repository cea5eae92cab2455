using System.Globalization;
using System.Net.Sockets;
using System.Net.WebSockets;
using Charmarr.Ops.Tracing;

namespace Charmarr.Ops.Pebble;

/// <summary>
/// HTTP/1.1 and websockets over Pebble's unix socket, and the one place transport failures become
/// <see cref="PebbleConnectionException"/>s.
/// </summary>
internal sealed class PebbleTransport : IDisposable
{
    private readonly SocketsHttpHandler handler;
    private readonly HttpClient http;

    /// <summary>Creates the transport; nothing connects until the first call.</summary>
    /// <param name="socketPath">Pebble's socket.</param>
    /// <param name="timeout">How long Pebble may be silent during an ordinary call.</param>
    public PebbleTransport(string socketPath, TimeSpan timeout)
    {
        SocketPath = socketPath;
        Timeout = timeout;
        handler = new SocketsHttpHandler
        {
            ConnectCallback = ConnectAsync,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        };
        http = new HttpClient(handler, disposeHandler: false)
        {
            BaseAddress = new Uri("http://localhost"),
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Pebble's socket.</summary>
    public string SocketPath { get; }

    /// <summary>How long Pebble may be silent during an ordinary call.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The most bytes of one JSON answer (or of a log read) held in memory.</summary>
    public long MaxResponseBytes { get; set; } = PebbleClient.DefaultMaxResponseBytes;

    /// <summary>Sends a request and returns once the response headers have arrived; the caller disposes the response.</summary>
    /// <param name="request">The request.</param>
    /// <param name="token">Cancels the call.</param>
    /// <returns>The response.</returns>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken token) =>
        CharmActivities.IsListened ? TracedSendAsync(request, token) : http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);

    /// <summary>Sends a request in a span of its own (method and path; the span ends when the headers arrive).</summary>
    private async Task<HttpResponseMessage> TracedSendAsync(HttpRequestMessage request, CancellationToken token)
    {
        using var span = CharmActivities.StartPebble(request.Method.Method, request.RequestUri?.OriginalString);
        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            span?.SetTag("http.response.status_code", (int)response.StatusCode);
            return response;
        }
        catch (Exception e) when (span is not null)
        {
            CharmActivities.Fail(span, e);
            throw;
        }
    }

    /// <summary>Opens one of an exec task's websockets (<c>control</c>, <c>stdio</c>, <c>stderr</c>) on a new connection.</summary>
    /// <param name="taskId">The exec task.</param>
    /// <param name="name">The websocket's name.</param>
    /// <param name="token">Cancels the handshake.</param>
    /// <returns>The open websocket.</returns>
    public async Task<WebSocket> ConnectWebSocketAsync(string taskId, string name, CancellationToken token)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        try
        {
            using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
            var uri = new Uri($"ws://localhost/v1/tasks/{Uri.EscapeDataString(taskId)}/websocket/{name}");
            await socket.ConnectAsync(uri, invoker, token).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>True for the exceptions a failed call can raise below the API (socket, HTTP, I/O, timeout) which
    /// <see cref="Failure"/> turns into a <see cref="PebbleConnectionException"/>; the caller's own cancellation is not one.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="watchdog">The call's clock.</param>
    /// <returns>True when it should be translated.</returns>
    public static bool IsFailure(Exception exception, CallWatchdog watchdog) =>
        !watchdog.CallerCancelled && exception is HttpRequestException or IOException or SocketException or WebSocketException or OperationCanceledException;

    /// <summary>Describes a transport failure for the charm.</summary>
    /// <param name="operation">The operation that failed.</param>
    /// <param name="exception">What the transport raised.</param>
    /// <param name="watchdog">The call's clock.</param>
    /// <returns>The exception to throw.</returns>
    public PebbleConnectionException Failure(string operation, Exception exception, CallWatchdog watchdog)
    {
        string message;
        if (watchdog.Expired)
        {
            message = string.Create(CultureInfo.InvariantCulture, $"Pebble at {SocketPath} did not answer within {watchdog.Limit.TotalSeconds:0.###}s");
        }
        else if (Find<SocketException>(exception) is { } socketError && IsConnectFailure(exception))
        {
            message = socketError.SocketErrorCode switch
            {
                _ when !File.Exists(SocketPath) && !Directory.Exists(SocketPath) =>
                    $"Could not connect to Pebble: socket not found at {SocketPath} (container restarted?)",
                SocketError.ConnectionRefused => $"Could not connect to Pebble at {SocketPath}: connection refused (is Pebble running?)",
                _ => $"Could not connect to Pebble at {SocketPath}: {socketError.Message}",
            };
        }
        else if (IsConnectFailure(exception))
        {
            message = $"Could not connect to Pebble at {SocketPath}: {Innermost(exception).Message}";
        }
        else
        {
            message = $"the connection to Pebble at {SocketPath} broke off in the middle of the exchange: {Innermost(exception).Message}";
        }

        return new PebbleConnectionException(operation, SocketPath, message, exception);
    }

    /// <summary>Describes a failure of an open exec websocket; null for exceptions that are not transport failures.</summary>
    /// <param name="operation">The exec operation.</param>
    /// <param name="exception">What the websocket raised.</param>
    /// <returns>The exception to throw, or null.</returns>
    public PebbleConnectionException? StreamFailure(string operation, Exception exception) =>
        exception is WebSocketException or IOException or HttpRequestException
            ? new PebbleConnectionException(operation, SocketPath, $"the exec connection to Pebble at {SocketPath} broke off: {Innermost(exception).Message}", exception)
            : null;

    /// <inheritdoc />
    public void Dispose()
    {
        http.Dispose();
        handler.Dispose();
    }

    private static bool IsConnectFailure(Exception exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }
        || exception is WebSocketException { InnerException: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } }
        || exception is SocketException;

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception exception)
    {
        var e = exception;
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken token)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), token).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
