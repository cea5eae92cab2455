using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Charmarr.Ops.Pebble;

/// <summary>
/// Pebble's REST API over a workload container's unix socket: every operation of Python's
/// <c>ops.pebble.Client</c>, with request bodies byte-compatible with ops'. Exec streams run over websockets on the
/// same socket. Errors are <see cref="PebbleException"/> subtypes naming the operation, never raw transport exceptions.
/// </summary>
/// <remarks>
/// Each call may wait <see cref="Timeout"/> for Pebble to answer (5 seconds, as ops); waits for a change and notice
/// long-polls allow for their own server-side wait on top, and a log follow waits for Pebble without limit (Pebble
/// answers a follow only when the next line is written). Transfers restart that clock whenever
/// bytes move, so large files are not cut off while they progress. Thread-safe; dispose it to close its connections.
/// </remarks>
public sealed partial class PebbleClient : IPebbleClient, IDisposable
{
    /// <summary>How long a service operation waits for its change when the caller does not say (as ops).</summary>
    public static readonly TimeSpan DefaultChangeTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollDelay = TimeSpan.FromMilliseconds(100);

    private readonly PebbleTransport transport;

    /// <summary>Creates a client for a Pebble socket; nothing connects until the first call.</summary>
    /// <param name="socketPath">The unix socket, e.g. <see cref="SocketPathFor"/> of the container.</param>
    /// <param name="timeout">How long Pebble may be silent during a call; default 5 seconds.</param>
    public PebbleClient(string socketPath, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        var limit = timeout ?? TimeSpan.FromSeconds(5);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(timeout));
        transport = new PebbleTransport(socketPath, limit);
    }

    /// <summary>The default of <see cref="MaxResponseBytes"/>: 16 MiB.</summary>
    public const long DefaultMaxResponseBytes = 16L * 1024 * 1024;

    /// <summary>The socket this client talks to.</summary>
    public string SocketPath => transport.SocketPath;

    /// <summary>
    /// The most bytes of one JSON answer, or of the lines of one log read, this client holds in memory (default
    /// <see cref="DefaultMaxResponseBytes"/>); a larger answer is a <see cref="PebbleProtocolException"/>. File pulls
    /// stream and are not limited.
    /// </summary>
    public long MaxResponseBytes
    {
        get => transport.MaxResponseBytes;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, 0L);
            transport.MaxResponseBytes = value;
        }
    }

    /// <summary>How long Pebble may be silent during a call.</summary>
    public TimeSpan Timeout => transport.Timeout;

    /// <summary>The environment variable that moves the containers' directory (default <c>/charm/containers</c>), so a
    /// local simulation (<c>charmarr simulate</c>) can serve each container's Pebble socket from a directory of its own.</summary>
    public const string ContainersDirectoryVariable = "CHARMARR_PEBBLE_CONTAINERS_DIR";

    /// <summary>Where Juju mounts a workload container's Pebble socket in the charm container.</summary>
    /// <param name="containerName">The container name from the charm's metadata.</param>
    /// <returns><c>/charm/containers/&lt;name&gt;/pebble.socket</c>, or the same under <see cref="ContainersDirectoryVariable"/> when set.</returns>
    public static string SocketPathFor(string containerName)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerName);
        var root = Environment.GetEnvironmentVariable(ContainersDirectoryVariable) is { Length: > 0 } overridden ? overridden.TrimEnd('/') : "/charm/containers";
        return $"{root}/{containerName}/pebble.socket";
    }

    /// <inheritdoc />
    public Task<PebbleSystemInfo> GetSystemInfoAsync(CancellationToken cancellationToken = default) =>
        CallAsync(new PebbleCall("pebble version", HttpMethod.Get, "/v1/system-info"), e => PebbleJsonReader.SystemInfo(e.RequiredResult), cancellationToken);

    /// <inheritdoc />
    public void Dispose() => transport.Dispose();

    /// <summary>Formats seconds as ops does for Pebble's durations (<c>4.000s</c>).</summary>
    /// <param name="value">The duration.</param>
    /// <returns>The text.</returns>
    internal static string Seconds(TimeSpan value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:F3}s");

    /// <summary>Makes one JSON call: sends, reads the envelope (API errors thrown), converts the result.</summary>
    /// <typeparam name="T">What the call returns.</typeparam>
    /// <param name="call">The request.</param>
    /// <param name="read">Converts the envelope.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The converted result.</returns>
    internal async Task<T> CallAsync<T>(PebbleCall call, Func<PebbleEnvelope, T> read, CancellationToken cancellationToken)
    {
        using var watchdog = new CallWatchdog(call.Limit ?? transport.Timeout, cancellationToken);
        try
        {
            using var request = call.ToRequest();
            using var response = await transport.SendAsync(request, watchdog.Token).ConfigureAwait(false);
            using var envelope = await PebbleEnvelope.ReadAsync(call.Operation, response, watchdog, transport.MaxResponseBytes).ConfigureAwait(false);
            return envelope.Read(call.Operation, read);
        }
        catch (Exception e) when (PebbleTransport.IsFailure(e, watchdog))
        {
            throw transport.Failure(call.Operation, e, watchdog);
        }
    }

    /// <summary>Waits for a change to be ready: long-polls <c>/wait</c> in slices shorter than the call timeout (a 504 is
    /// just the end of a slice), and polls <c>GET /v1/changes/{id}</c> instead when the server lacks <c>/wait</c> (404).</summary>
    /// <param name="operation">The operation waiting, for errors.</param>
    /// <param name="changeId">The change.</param>
    /// <param name="timeout">How long to wait in all; null for ever.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The ready change.</returns>
    internal async Task<PebbleChange> WaitForChangeAsync(string operation, string changeId, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var slice = transport.Timeout - TimeSpan.FromSeconds(1) > TimeSpan.FromSeconds(1) ? transport.Timeout - TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1);
        var path = $"/v1/changes/{Uri.EscapeDataString(changeId)}/wait";
        while (true)
        {
            var thisSlice = slice;
            if (timeout is { } total)
            {
                var remaining = total - clock.Elapsed;
                if (remaining <= TimeSpan.Zero)
                {
                    break;
                }

                thisSlice = remaining < slice ? remaining : slice;
            }

            try
            {
                var call = new PebbleCall(operation, HttpMethod.Get, new PebbleQuery(path).Add("timeout", Seconds(thisSlice)).ToString())
                {
                    Limit = thisSlice + transport.Timeout,
                };
                return await CallAsync(call, e => PebbleJsonReader.Change(e.RequiredResult), cancellationToken).ConfigureAwait(false);
            }
            catch (PebbleApiException e) when (e.StatusCode == 504)
            {
                // This slice ended before the change did; the overall deadline decides.
            }
            catch (PebbleApiException e) when (e.StatusCode == 404)
            {
                return await PollChangeAsync(operation, changeId, timeout, clock, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new PebbleTimeoutException($"{operation} (waiting for change {changeId})", timeout!.Value);
    }

    private async Task<PebbleChange> PollChangeAsync(string operation, string changeId, TimeSpan? timeout, Stopwatch clock, CancellationToken cancellationToken)
    {
        while (timeout is null || clock.Elapsed < timeout)
        {
            var change = await GetChangeAsync(changeId, cancellationToken).ConfigureAwait(false);
            if (change.Ready)
            {
                return change;
            }

            await Task.Delay(PollDelay, cancellationToken).ConfigureAwait(false);
        }

        throw new PebbleTimeoutException($"{operation} (waiting for change {changeId})", timeout.Value);
    }

    private static string Describe(string verb, IEnumerable<string> names)
    {
        var text = new StringBuilder("pebble ").Append(verb);
        foreach (var name in names)
        {
            text.Append(' ').Append(name);
        }

        return text.ToString();
    }
}
