using System.Globalization;
using System.Text;
using Charmarr.Ops.Testing.Pebble.Json;

namespace Charmarr.Ops.Testing.Pebble.Server.Endpoints;

/// <summary><c>GET /v1/logs</c> (§2.12): newline-delimited JSON, optionally following new lines.</summary>
internal static class LogEndpoints
{
    public static void Map(PebbleRouter router) => router.Map("GET", "/v1/logs", GetLogs);

    private static async Task<Envelope?> GetLogs(PebbleRequest request)
    {
        var context = request.Context;
        var followText = Query.Get(context, "follow");
        if (followText is not ("" or "true" or "false"))
        {
            throw SimulatedPebbleException.BadRequest("follow parameter must be \"true\" or \"false\"");
        }

        var follow = followText == "true";
        var nText = Query.Get(context, "n");
        var count = 30;
        if (nText.Length > 0 && (!int.TryParse(nText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out count) || count < -1))
        {
            throw SimulatedPebbleException.BadRequest("n must be -1, 0, or a positive integer");
        }

        var services = Query.List(context, "services");
        var simulator = request.Simulator;
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/x-ndjson";
        List<SimulatedLogEntry> sent;
        Task next;
        lock (simulator.Parts.Gate)
        {
            sent = simulator.Parts.Logs.Last(services, count);
            next = simulator.Parts.Logs.NextWrite;
        }

        await WriteAsync(context.Response.Body, sent, request.Aborted).ConfigureAwait(false);
        var last = sent.Count > 0 ? sent[^1] : null;
        while (follow && !request.Aborted.IsCancellationRequested)
        {
            await context.Response.Body.FlushAsync(request.Aborted).ConfigureAwait(false);
            try
            {
                await next.WaitAsync(request.Aborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            List<SimulatedLogEntry> fresh;
            lock (simulator.Parts.Gate)
            {
                var all = simulator.Parts.Logs.Last(services, -1);
                var from = last is null ? 0 : all.FindLastIndex(e => ReferenceEquals(e, last)) + 1;
                fresh = all.Skip(from).ToList();
                next = simulator.Parts.Logs.NextWrite;
            }

            await WriteAsync(context.Response.Body, fresh, request.Aborted).ConfigureAwait(false);
            last = fresh.Count > 0 ? fresh[^1] : last;
        }

        return null;
    }

    private static async Task WriteAsync(Stream body, List<SimulatedLogEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            var line = GoJson.Serialize(WireJson.LogEntry(entry)) + "\n";
            await body.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken).ConfigureAwait(false);
        }
    }
}
