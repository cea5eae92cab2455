using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Charmarr.Ops.Testing.Pebble.Server;

/// <summary>Pebble's routes (§2): 404 for unknown paths, 405 for known paths without the method, then the endpoint.</summary>
internal sealed class PebbleRouter
{
    private readonly PebbleSimulator simulator;
    private readonly FaultInjector faults;
    private readonly ExecConnections exec;
    private readonly List<(string[] Pattern, Dictionary<string, EndpointHandler> Methods)> routes = [];

    public PebbleRouter(PebbleSimulator simulator, FaultInjector faults, ExecConnections exec)
    {
        this.simulator = simulator;
        this.faults = faults;
        this.exec = exec;
        Endpoints.SystemEndpoints.Map(this);
        Endpoints.ServiceEndpoints.Map(this);
        Endpoints.CheckEndpoints.Map(this);
        Endpoints.ChangeEndpoints.Map(this);
        Endpoints.FileEndpoints.Map(this);
        Endpoints.ExecEndpoints.Map(this);
        Endpoints.NoticeEndpoints.Map(this);
        Endpoints.LogEndpoints.Map(this);
    }

    public void Map(string method, string path, EndpointHandler handler)
    {
        var pattern = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var route = routes.Find(r => r.Pattern.SequenceEqual(pattern));
        if (route.Pattern is null)
        {
            route = (pattern, new Dictionary<string, EndpointHandler>(StringComparer.Ordinal));
            routes.Add(route);
        }

        route.Methods[method] = handler;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var method = context.Request.Method;
        var (methods, vars) = Match(path);
        if (methods is null)
        {
            await WriteAsync(context, Envelope.Error(404, "invalid API endpoint requested")).ConfigureAwait(false);
            return;
        }

        if (!methods.TryGetValue(method, out var handler))
        {
            await WriteAsync(context, Envelope.Error(405, $"method {Json.GoText.Quote(method)} not allowed")).ConfigureAwait(false);
            return;
        }

        switch (faults.Take(method, path))
        {
            case ErrorFault error:
                await WriteAsync(context, Envelope.Error(error.StatusCode, error.Message, error.Kind)).ConfigureAwait(false);
                return;
            case AbortFault { AfterResponseBytes: 0 }:
                context.Abort();
                return;
            case AbortFault abort:
                context.Response.Body = new AbortingStream(context.Response.Body, abort.AfterResponseBytes, context.Abort);
                break;
        }

        try
        {
            var envelope = await handler(new PebbleRequest(context, simulator, vars, exec)).ConfigureAwait(false);
            if (envelope is not null)
            {
                await WriteAsync(context, envelope).ConfigureAwait(false);
            }
        }
        catch (SimulatedPebbleException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, Envelope.From(e)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.Response.Body is AbortingStream)
        {
            // A fault cut the connection: fail the request so Kestrel never completes the response body.
            throw;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private (Dictionary<string, EndpointHandler>? Methods, Dictionary<string, string> Vars) Match(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (pattern, methods) in routes)
        {
            if (pattern.Length != segments.Length)
            {
                continue;
            }

            var vars = new Dictionary<string, string>(StringComparer.Ordinal);
            var matched = true;
            for (var i = 0; i < pattern.Length && matched; i++)
            {
                if (pattern[i].StartsWith('{'))
                {
                    vars[pattern[i][1..^1]] = Uri.UnescapeDataString(segments[i]);
                }
                else
                {
                    matched = pattern[i] == segments[i];
                }
            }

            if (matched)
            {
                return (methods, vars);
            }
        }

        return (null, []);
    }

    public static async Task WriteAsync(HttpContext context, Envelope envelope)
    {
        var bytes = envelope.ToUtf8();
        context.Response.StatusCode = envelope.StatusCode;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A sync <c>true</c> result.</summary>
    public static Envelope True() => Envelope.Sync(JsonValue.Create(true));
}
