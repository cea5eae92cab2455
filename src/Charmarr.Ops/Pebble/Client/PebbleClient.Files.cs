using System.Text.Json;

namespace Charmarr.Ops.Pebble;

/// <summary>Files: pull, push, list, make-dir, remove.</summary>
public sealed partial class PebbleClient
{
    /// <summary>
    /// Pulls a file that must arrive in full within <paramref name="deadline"/>, however steadily it flows (the call
    /// timeout only limits silences). Opening or reading the stream after the deadline throws
    /// <see cref="PebbleTimeoutException"/>; the caller's own cancellation stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <param name="path">The absolute path in the container.</param>
    /// <param name="deadline">How long the whole transfer may take, from now.</param>
    /// <param name="cancellationToken">Cancels the pull.</param>
    /// <returns>The file's bytes as a stream the caller disposes.</returns>
    public Task<Stream> PullAsync(string path, TimeSpan deadline, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(deadline, TimeSpan.Zero);
        return DeadlinePullStream.OpenAsync(this, path, deadline, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Stream> PullAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var operation = $"pebble pull {path}";
        var watchdog = new CallWatchdog(Timeout, cancellationToken);
        HttpResponseMessage? response = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new PebbleQuery("/v1/files").Add("action", "read").Add("path", path).ToString());
            request.Headers.TryAddWithoutValidation("Accept", "multipart/form-data");
            response = await transport.SendAsync(request, watchdog.Token).ConfigureAwait(false);
            if ((int)response.StatusCode >= 400)
            {
                (await PebbleEnvelope.ReadAsync(operation, response, watchdog, transport.MaxResponseBytes).ConfigureAwait(false)).Dispose();
                throw new PebbleProtocolException(operation, $"Pebble answered {(int)response.StatusCode} without an error", null);
            }

            var stream = await PebblePullStream.OpenAsync(new PebblePullStream.Exchange(operation, path, response, watchdog, transport)).ConfigureAwait(false);
            response = null;
            return stream;
        }
        catch (Exception e) when (PebbleTransport.IsFailure(e, watchdog))
        {
            throw transport.Failure(operation, e, watchdog);
        }
        finally
        {
            if (response is not null)
            {
                response.Dispose();
                watchdog.Dispose();
            }
        }
    }

    /// <inheritdoc />
    public async Task PushAsync(string path, Stream content, PebblePushOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(content);
        var operation = $"pebble push {path}";
        var metadata = new OpsJson().BeginObject().Key("action").String("write").Key("files").BeginArray();
        FileItem(metadata, path, options, options?.MakeDirs == true ? "make-dirs" : null).EndArray().EndObject();

        using var watchdog = new CallWatchdog(Timeout, cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/files");
            request.Headers.TryAddWithoutValidation("Accept", "application/json");
            request.Content = new MultipartPushContent(metadata.ToString(), path, content, watchdog);
            using var response = await transport.SendAsync(request, watchdog.Token).ConfigureAwait(false);
            using var envelope = await PebbleEnvelope.ReadAsync(operation, response, watchdog, transport.MaxResponseBytes).ConfigureAwait(false);
            envelope.Read(operation, e => ThrowOnPathError(operation, path, e.Result));
        }
        catch (Exception e) when (PebbleTransport.IsFailure(e, watchdog))
        {
            throw transport.Failure(operation, e, watchdog);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PebbleFileInfo>> ListFilesAsync(string path, string? pattern = null, bool itself = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var target = new PebbleQuery("/v1/files")
            .Add("action", "list")
            .Add("path", path)
            .Add("pattern", string.IsNullOrEmpty(pattern) ? null : pattern)
            .Add("itself", itself ? "true" : null);
        return CallAsync(
            new PebbleCall($"pebble ls {path}", HttpMethod.Get, target.ToString()),
            e => (IReadOnlyList<PebbleFileInfo>)PebbleJsonReader.Items(e.Result).Select(PebbleJsonReader.FileInfo).ToList(),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task MakeDirAsync(string path, PebbleMakeDirOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var operation = $"pebble mkdir {path}";
        var body = new OpsJson().BeginObject().Key("action").String("make-dirs").Key("dirs").BeginArray();
        FileItem(body, path, options, options?.MakeParents == true ? "make-parents" : null).EndArray().EndObject();
        return CallAsync(new PebbleCall(operation, HttpMethod.Post, "/v1/files") { Body = body }, e => ThrowOnPathError(operation, path, e.Result), cancellationToken);
    }

    /// <inheritdoc />
    public Task RemovePathAsync(string path, bool recursive = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var operation = recursive ? $"pebble rm -r {path}" : $"pebble rm {path}";
        var body = new OpsJson().BeginObject().Key("action").String("remove").Key("paths").BeginArray().BeginObject().Key("path").String(path);
        if (recursive)
        {
            body.Key("recursive").Bool(true);
        }

        body.EndObject().EndArray().EndObject();
        return CallAsync(new PebbleCall(operation, HttpMethod.Post, "/v1/files") { Body = body }, e => ThrowOnPathError(operation, path, e.Result), cancellationToken);
    }

    /// <summary>Finds the path's entry in a files result and throws its error, as ops' <c>_raise_on_path_error</c>.</summary>
    /// <param name="operation">The operation, for errors.</param>
    /// <param name="path">The path asked about.</param>
    /// <param name="result">The result: <c>[{"path": …, "error": {"kind": …, "message": …}}]</c>.</param>
    /// <returns>True when the path succeeded.</returns>
    /// <exception cref="PebblePathException">Pebble reported an error for the path.</exception>
    /// <exception cref="PebbleProtocolException">The result does not mention the path.</exception>
    internal static bool ThrowOnPathError(string operation, string path, JsonElement? result)
    {
        (string Kind, string Message)? failure = null;
        var found = false;
        try
        {
            foreach (var item in PebbleJsonReader.Items(result))
            {
                if (item.ValueKind != JsonValueKind.Object || PebbleJsonReader.OptStr(item, "path") != path)
                {
                    continue;
                }

                if (item.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    failure = (PebbleJsonReader.OptStr(error, "kind") ?? string.Empty, PebbleJsonReader.OptStr(error, "message") ?? string.Empty);
                }

                found = true;
                break;
            }
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new PebbleProtocolException(operation, $"unexpected per-path result from Pebble ({e.Message}): {(result is { } raw ? raw.GetRawText() : "no result")}", e);
        }

        if (failure is { } f)
        {
            throw new PebblePathException(operation, path, f.Kind, f.Message);
        }

        return found
            ? true
            : throw new PebbleProtocolException(operation, $"path not found in response metadata: {(result is { } r ? r.GetRawText() : "no result")}", null);
    }

    // One files/dirs item as ops writes it: ownership and mode first, then the path, then the make-dirs/make-parents flag.
    private static OpsJson FileItem(OpsJson json, string path, PebbleFileAttributes? attributes, string? flag)
    {
        json.BeginObject();
        if (attributes?.Permissions is { } mode)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(mode, nameof(attributes));
            json.Key("permissions").String(Convert.ToString(mode, 8).PadLeft(3, '0'));
        }

        if (attributes?.UserId is { } uid)
        {
            json.Key("user-id").Number(uid);
        }

        if (attributes?.User is { } user)
        {
            json.Key("user").String(user);
        }

        if (attributes?.GroupId is { } gid)
        {
            json.Key("group-id").Number(gid);
        }

        if (attributes?.Group is { } group)
        {
            json.Key("group").String(group);
        }

        json.Key("path").String(path);
        if (flag is not null)
        {
            json.Key(flag).Bool(true);
        }

        return json.EndObject();
    }
}
