using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Charmarr.Ops.Pebble;

/// <summary>Notices, logs and identities.</summary>
public sealed partial class PebbleClient
{
    /// <inheritdoc />
    public Task<IReadOnlyList<PebbleNotice>> GetNoticesAsync(PebbleNoticesQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new PebbleNoticesQuery();
        var target = new PebbleQuery("/v1/notices")
            .Add("users", query.AllUsers ? "all" : null)
            .Add("user-id", query.UserId?.ToString(CultureInfo.InvariantCulture))
            .AddEach("types", query.Types?.Select(t => t.Value))
            .AddEach("keys", query.Keys)
            .Add("after", query.After?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture))
            .Add("timeout", query.Timeout is { } wait ? Seconds(wait) : null);
        var call = new PebbleCall("pebble notices", HttpMethod.Get, target.ToString())
        {
            Limit = query.Timeout is { } longPoll ? longPoll + Timeout : null,
        };
        return CallAsync(call, e => (IReadOnlyList<PebbleNotice>)PebbleJsonReader.Items(e.Result).Select(PebbleJsonReader.Notice).ToList(), cancellationToken);
    }

    /// <inheritdoc />
    public Task<PebbleNotice> GetNoticeAsync(string noticeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(noticeId);
        return CallAsync(
            new PebbleCall($"pebble notice {noticeId}", HttpMethod.Get, $"/v1/notices/{Uri.EscapeDataString(noticeId)}"),
            e => PebbleJsonReader.Notice(e.RequiredResult),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<string> NotifyAsync(string key, IReadOnlyDictionary<string, string>? data = null, TimeSpan? repeatAfter = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var body = new OpsJson().BeginObject().Key("action").String("add").Key("type").String("custom").Key("key").String(key);
        if (data is not null)
        {
            body.Key("data").StringMap(data);
        }

        if (repeatAfter is { } repeat)
        {
            body.Key("repeat-after").String(Seconds(repeat));
        }

        body.EndObject();
        return CallAsync(
            new PebbleCall($"pebble notify {key}", HttpMethod.Post, "/v1/notices") { Body = body },
            e => PebbleJsonReader.Str(e.RequiredResult, "id"),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PebbleLogEntry>> GetLogsAsync(IEnumerable<string>? services = null, int? count = null, CancellationToken cancellationToken = default)
    {
        var entries = new List<PebbleLogEntry>();
        await foreach (var entry in ReadLogsAsync("pebble logs", LogsTarget(services, count, follow: false), follow: false, cancellationToken).ConfigureAwait(false))
        {
            entries.Add(entry);
        }

        return entries;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<PebbleLogEntry> FollowLogsAsync(IEnumerable<string>? services = null, CancellationToken cancellationToken = default) =>
        ReadLogsAsync("pebble logs --follow", LogsTarget(services, null, follow: true), follow: true, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, PebbleIdentity>> GetIdentitiesAsync(CancellationToken cancellationToken = default) =>
        CallAsync(
            new PebbleCall("pebble identities", HttpMethod.Get, "/v1/identities"),
            e => (IReadOnlyDictionary<string, PebbleIdentity>)(e.Result is { ValueKind: JsonValueKind.Object } result
                ? result.EnumerateObject().ToDictionary(p => p.Name, p => PebbleJsonReader.Identity(p.Value), StringComparer.Ordinal)
                : new Dictionary<string, PebbleIdentity>(StringComparer.Ordinal)),
            cancellationToken);

    /// <inheritdoc />
    public Task ReplaceIdentitiesAsync(IReadOnlyDictionary<string, PebbleIdentity?> identities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identities);
        var body = new OpsJson().BeginObject().Key("action").String("replace").Key("identities").BeginObject();
        foreach (var (name, identity) in identities)
        {
            body.Key(name);
            WriteIdentity(body, identity);
        }

        body.EndObject().EndObject();
        return CallAsync(new PebbleCall(Describe("update-identities --replace", identities.Keys), HttpMethod.Post, "/v1/identities") { Body = body }, _ => true, cancellationToken);
    }

    /// <inheritdoc />
    public Task RemoveIdentitiesAsync(IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        var list = Names(names);
        var body = new OpsJson().BeginObject().Key("action").String("remove").Key("identities").BeginObject();
        foreach (var name in list)
        {
            body.Key(name).String(null);
        }

        body.EndObject().EndObject();
        return CallAsync(new PebbleCall(Describe("remove-identities", list), HttpMethod.Post, "/v1/identities") { Body = body }, _ => true, cancellationToken);
    }

    private static void WriteIdentity(OpsJson body, PebbleIdentity? identity)
    {
        if (identity is null)
        {
            body.String(null);
            return;
        }

        body.BeginObject().Key("access").String(identity.Access);
        if (identity.LocalUserId is { } uid)
        {
            body.Key("local").BeginObject().Key("user-id").Number(uid).EndObject();
        }

        if (identity.BasicPassword is { } password)
        {
            body.Key("basic").BeginObject().Key("password").String(password).EndObject();
        }

        body.EndObject();
    }

    private static string LogsTarget(IEnumerable<string>? services, int? count, bool follow)
    {
        var names = services?.ToList() is { Count: > 0 } list ? string.Join(',', list) : null;
        return new PebbleQuery("/v1/logs")
            .Add("services", names)
            .Add("n", count?.ToString(CultureInfo.InvariantCulture))
            .Add("follow", follow ? "true" : null)
            .ToString();
    }

    // Lines are read as they arrive. A follow has no time limit at all: Pebble sends no response headers for
    // follow=true until the next log line is written, which on a quiet service may take any time. A follow ends
    // quietly when the caller cancels (before or after Pebble answered), which is how a follow is meant to be stopped;
    // a connection that fails or breaks is still a PebbleConnectionException.
    private async IAsyncEnumerable<PebbleLogEntry> ReadLogsAsync(string operation, string target, bool follow, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var watchdog = new CallWatchdog(follow ? System.Threading.Timeout.InfiniteTimeSpan : Timeout, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        HttpResponseMessage? answer;
        try
        {
            answer = await transport.SendAsync(request, watchdog.Token).ConfigureAwait(false);
            if ((int)answer.StatusCode >= 400)
            {
                using (answer)
                {
                    (await PebbleEnvelope.ReadAsync(operation, answer, watchdog, transport.MaxResponseBytes).ConfigureAwait(false)).Dispose();
                    throw new PebbleProtocolException(operation, $"Pebble answered {(int)answer.StatusCode} without an error", null);
                }
            }

            PebbleEnvelope.EnsureContentType(operation, answer.Content.Headers.ContentType, "application/x-ndjson");
        }
        catch (OperationCanceledException) when (follow && watchdog.CallerCancelled)
        {
            answer = null;
        }
        catch (Exception e) when (PebbleTransport.IsFailure(e, watchdog))
        {
            throw transport.Failure(operation, e, watchdog);
        }

        if (answer is null)
        {
            yield break;
        }

        using (var response = answer)
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(watchdog.Token).ConfigureAwait(false));
            long held = 0;
            while (true)
            {
                string? line;
                try
                {
                    line = await reader.ReadLineAsync(watchdog.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (follow && watchdog.CallerCancelled)
                {
                    line = null;
                }
                catch (Exception e) when (PebbleTransport.IsFailure(e, watchdog))
                {
                    throw transport.Failure(operation, e, watchdog);
                }

                if (line is null)
                {
                    yield break;
                }

                // A read (not a follow) is collected into a list by the caller: it may hold only so much.
                held += line.Length;
                if (!follow && held > transport.MaxResponseBytes)
                {
                    throw PebbleEnvelope.TooLarge(operation, transport.MaxResponseBytes, "more log lines sent");
                }

                if (line.Length > 0)
                {
                    yield return ParseLogLine(operation, line);
                }
            }
        }
    }

    private static PebbleLogEntry ParseLogLine(string operation, string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return PebbleJsonReader.LogEntry(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new PebbleProtocolException(operation, $"unexpected log line from Pebble ({e.Message}): {line}", e);
        }
    }
}
