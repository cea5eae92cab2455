using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Charmarr.Ops.Testing.Http;

/// <summary>
/// A web service on a loopback port for charms that call one (point the charm's URL at <see cref="BaseUrl"/>):
/// scripted answers by method and path, every request recorded, and faults injected on demand (a status, a hang, a
/// dropped connection), once or until cleared. A request nothing answers gets 404 with a body naming it, and is recorded.
/// Thread-safe; dispose it to stop it.
/// </summary>
public sealed class HttpFake : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly object gate = new();
    private readonly List<HttpFakeRequest> requests = [];
    private readonly List<(string Method, string Path, Func<HttpFakeRequest, HttpFakeResponse> Respond)> answers = [];
    private readonly Queue<HttpFault> nextFaults = new();
    private HttpFault? lastingFault;

    private HttpFake(WebApplication app)
    {
        this.app = app;
    }

    /// <summary>The fake's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request received, oldest first.</summary>
    public IReadOnlyList<HttpFakeRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return requests.ToList();
            }
        }
    }

    /// <summary>Starts a fake on a free loopback port.</summary>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running fake.</returns>
    public static async Task<HttpFake> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new HttpFake(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        fake.BaseUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> (any query) with a fixed response, replacing an earlier answer for it.</summary>
    /// <param name="method">The method, e.g. <c>GET</c>; <c>*</c> for any.</param>
    /// <param name="path">The path, e.g. <c>/identity</c>; <c>*</c> for any.</param>
    /// <param name="response">The response.</param>
    public void Answer(string method, string path, HttpFakeResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Answer(method, path, _ => response);
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with what <paramref name="respond"/> makes of each request.</summary>
    /// <param name="method">The method, e.g. <c>POST</c>; <c>*</c> for any.</param>
    /// <param name="path">The path; <c>*</c> for any.</param>
    /// <param name="respond">Makes the response (runs on the server's threads).</param>
    public void Answer(string method, string path, Func<HttpFakeRequest, HttpFakeResponse> respond)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(respond);
        lock (gate)
        {
            answers.RemoveAll(a => a.Method == method && a.Path == path);
            answers.Add((method, path, respond));
        }
    }

    /// <summary>The next <paramref name="times"/> requests meet <paramref name="fault"/> instead of their answer.</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="times">How many requests.</param>
    public void FailNext(HttpFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (gate)
        {
            for (var i = 0; i < times; i++)
            {
                nextFaults.Enqueue(fault);
            }
        }
    }

    /// <summary>Every request meets <paramref name="fault"/> until <see cref="ClearFaults"/>.</summary>
    /// <param name="fault">The fault.</param>
    public void FailAlways(HttpFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (gate)
        {
            lastingFault = fault;
        }
    }

    /// <summary>Ends every fault (queued and lasting).</summary>
    public void ClearFaults()
    {
        lock (gate)
        {
            nextFaults.Clear();
            lastingFault = null;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var request = new HttpFakeRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        HttpFault? fault;
        Func<HttpFakeRequest, HttpFakeResponse>? respond;
        lock (gate)
        {
            requests.Add(request);
            fault = nextFaults.Count > 0 ? nextFaults.Dequeue() : lastingFault;
            respond = answers.LastOrDefault(a => Matches(a.Method, request.Method) && Matches(a.Path, request.Path)).Respond;
        }

        switch (fault)
        {
            case HttpFault.HangFault:
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // the client gave up
                }

                return;
            case HttpFault.DropFault:
                context.Abort();
                return;
            case HttpFault.StatusFault status:
                await WriteAsync(context, status.Response).ConfigureAwait(false);
                return;
        }

        var response = respond?.Invoke(request) ?? new HttpFakeResponse(404, $"the fake has no answer for {request.Method} {request.Path}");
        await WriteAsync(context, response).ConfigureAwait(false);
    }

    private static bool Matches(string pattern, string value) => pattern == "*" || pattern == value;

    private static async Task WriteAsync(HttpContext context, HttpFakeResponse response)
    {
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        var bytes = Encoding.UTF8.GetBytes(response.Body);
        if (!response.Chunked)
        {
            context.Response.ContentLength = bytes.Length;
        }

        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }
}
