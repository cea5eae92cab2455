using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Charmarr.PlexK8s.Tests.Fakes;

/// <summary>One request as the fake server saw it.</summary>
internal sealed record SeenRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers);

/// <summary>Kestrel on 127.0.0.1 with a port of its own, answering with whatever the test says.</summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<SeenRequest> requests = new();

    private LoopbackHttpServer(WebApplication app)
    {
        this.app = app;
    }

    /// <summary>Answers every request; replace it at any time.</summary>
    public Func<HttpContext, Task> Handler { get; set; } = context =>
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    };

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<SeenRequest> Requests => requests.ToList();

    public static async Task<LoopbackHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackHttpServer(app);
        app.Run(async context =>
        {
            server.requests.Enqueue(new SeenRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            await server.Handler(context);
        });
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.Single());
        return server;
    }

    /// <summary>Answers with a status and an XML body.</summary>
    public static Func<HttpContext, Task> Xml(int status, string body) => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(body);
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
