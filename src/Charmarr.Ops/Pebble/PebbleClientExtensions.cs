using System.Globalization;
using System.Text;

namespace Charmarr.Ops.Pebble;

/// <summary>
/// Conveniences over any <see cref="IPebbleClient"/> (the real one, or the Testing package's simulated Pebble):
/// text and bytes in and out of files, existence checks, directories with an owner, captured exec, and "add this
/// layer and replan only when something changed". <c>Container</c> offers each of them too.
/// </summary>
public static class PebbleClientExtensions
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Whether Pebble answers (<c>GET /v1/system-info</c>). Never throws for connection or API errors.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when Pebble answered.</returns>
    public static async Task<bool> CanConnectAsync(this IPebbleClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.GetSystemInfoAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PebbleException)
        {
            return false;
        }
    }

    /// <summary>Writes text to a file, as UTF-8 without a byte-order mark.</summary>
    /// <param name="client">The client.</param>
    /// <param name="path">The absolute path.</param>
    /// <param name="text">The text.</param>
    /// <param name="options">Directories, mode and ownership.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when written.</returns>
    public static Task PushTextAsync(this IPebbleClient client, string path, string text, PebblePushOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return client.PushBytesAsync(path, Utf8.GetBytes(text), options, cancellationToken);
    }

    /// <summary>Writes bytes to a file.</summary>
    /// <param name="client">The client.</param>
    /// <param name="path">The absolute path.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="options">Directories, mode and ownership.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when written.</returns>
    public static async Task PushBytesAsync(this IPebbleClient client, string path, byte[] content, PebblePushOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(content, writable: false);
        await client.PushAsync(path, stream, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a file as UTF-8 text.</summary>
    /// <param name="client">The client.</param>
    /// <param name="path">The absolute path.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The text.</returns>
    /// <exception cref="PebblePathException">The file is missing, a directory, or unreadable.</exception>
    public static async Task<string> PullTextAsync(this IPebbleClient client, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var stream = await client.PullAsync(path, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: false);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a file's bytes.</summary>
    /// <param name="client">The client.</param>
    /// <param name="path">The absolute path.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="PebblePathException">The file is missing, a directory, or unreadable.</exception>
    public static async Task<byte[]> PullBytesAsync(this IPebbleClient client, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var stream = await client.PullAsync(path, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes, cancellationToken).ConfigureAwait(false);
            return bytes.ToArray();
        }
    }

    /// <summary>Whether a path exists (lists the path itself; a 404 means no).</summary>
    /// <param name="client">The client.</param>
    /// <param name="path">The absolute path.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when it exists.</returns>
    public static async Task<bool> ExistsAsync(this IPebbleClient client, string path, CancellationToken cancellationToken = default) =>
        await StatAsync(client, path, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>Whether a path is a directory (false when it is missing).</summary>
    /// <param name="client">The client.</param>
    /// <param name="path">The absolute path.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True for an existing directory.</returns>
    public static async Task<bool> IsDirectoryAsync(this IPebbleClient client, string path, CancellationToken cancellationToken = default) =>
        await StatAsync(client, path, cancellationToken).ConfigureAwait(false) is { IsDirectory: true };

    /// <summary>Describes a path itself; null when it is missing.</summary>
    /// <param name="client">The client.</param>
    /// <param name="path">The absolute path.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The path's information, or null.</returns>
    public static async Task<PebbleFileInfo?> StatAsync(this IPebbleClient client, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            var entries = await client.ListFilesAsync(path, itself: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            return entries.Count > 0 ? entries[0] : null;
        }
        catch (PebbleApiException e) when (e.StatusCode == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Makes sure a directory exists (with its parents) with the given owner and mode. Pebble sets them only on what it
    /// creates, so an existing directory with another owner or mode is fixed with <c>chown</c>/<c>chmod</c> run through
    /// exec (the workload image must have them).
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="path">The absolute path.</param>
    /// <param name="owner">Mode and ownership (<see cref="PebbleMakeDirOptions.MakeParents"/> is implied); null for Pebble's defaults.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>A task that completes when the directory is as asked.</returns>
    /// <exception cref="PebblePathException">It exists as a file, or cannot be created.</exception>
    /// <exception cref="PebbleExecException">Fixing the owner or mode failed.</exception>
    public static async Task EnsureDirectoryAsync(this IPebbleClient client, string path, PebbleMakeDirOptions? owner = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var wanted = (owner ?? new PebbleMakeDirOptions()) with { MakeParents = true };
        await client.MakeDirAsync(path, wanted, cancellationToken).ConfigureAwait(false);
        var actual = await client.StatAsync(path, cancellationToken).ConfigureAwait(false)
            ?? throw new PebblePathException($"pebble mkdir {path}", path, PebbleErrorKinds.NotFound, $"{path} is missing right after it was made");

        if (ChownTarget(wanted, actual) is { } target)
        {
            await client.ExecAsync(new PebbleExecRequest(["chown", target, path]), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (wanted.Permissions is { } mode && mode != actual.Permissions)
        {
            await client.ExecAsync(new PebbleExecRequest(["chmod", Convert.ToString(mode, 8), path]), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a command to completion and returns what it wrote. Standard input is the given text, or empty.</summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The command and how to run it.</param>
    /// <param name="stdin">Text for its standard input; null for none (it reads end-of-file at once).</param>
    /// <param name="throwOnNonZeroExit">Fail (with the output) unless it exits with 0.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The exit code and output.</returns>
    /// <exception cref="PebbleExecException">It exited non-zero and <paramref name="throwOnNonZeroExit"/> is set.</exception>
    /// <exception cref="PebbleChangeException">It could not run, or its timeout killed it.</exception>
    public static async Task<PebbleExecResult> ExecAsync(this IPebbleClient client, PebbleExecRequest request, string? stdin = null, bool throwOnNonZeroExit = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var process = await client.StartExecAsync(request, cancellationToken).ConfigureAwait(false);
        await using (process.ConfigureAwait(false))
        {
            var output = process.WaitOutputAsync(throwOnNonZeroExit, cancellationToken);
            if (stdin is not null)
            {
                await process.Stdin.WriteAsync(Utf8.GetBytes(stdin), cancellationToken).ConfigureAwait(false);
            }

            await process.CloseStdinAsync(cancellationToken).ConfigureAwait(false);
            return await output.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Adds (combines) a layer and replans only when that changed the plan or an enabled service is not running, so an
    /// unchanged layer on every event restarts nothing. A <c>startup: enabled</c> service that exits by design (a
    /// one-shot task) therefore makes every call replan and run it again: keep such a service running idle once done,
    /// or give it <c>startup: disabled</c> and start it yourself.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="label">The layer's label.</param>
    /// <param name="layer">The layer.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>True when it replanned.</returns>
    /// <exception cref="PebbleChangeException">The replan failed.</exception>
    public static async Task<bool> EnsureLayerAsync(this IPebbleClient client, string label, PebbleLayer layer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var before = await client.GetPlanAsync(cancellationToken).ConfigureAwait(false);
        await client.AddLayerAsync(label, layer, combine: true, cancellationToken).ConfigureAwait(false);
        var after = await client.GetPlanAsync(cancellationToken).ConfigureAwait(false);

        var enabled = after.Services.Where(s => s.Value.Startup == ServiceStartup.Enabled).Select(s => s.Key).ToList();
        var stopped = enabled.Count > 0
            && (await client.GetServicesAsync(enabled, cancellationToken).ConfigureAwait(false)).Any(s => !s.IsRunning);
        if (before.Equals(after) && !stopped)
        {
            return false;
        }

        await client.ReplanServicesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>One service's state.</summary>
    /// <param name="client">The client.</param>
    /// <param name="name">The service.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Its state; null when the plan has no such service.</returns>
    public static async Task<PebbleServiceInfo?> GetServiceAsync(this IPebbleClient client, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var services = await client.GetServicesAsync([name], cancellationToken).ConfigureAwait(false);
        return services.FirstOrDefault(s => s.Name == name);
    }

    /// <summary>One check's state.</summary>
    /// <param name="client">The client.</param>
    /// <param name="name">The check.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Its state; null when the plan has no such check.</returns>
    public static async Task<PebbleCheckInfo?> GetCheckAsync(this IPebbleClient client, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var checks = await client.GetChecksAsync(names: [name], cancellationToken: cancellationToken).ConfigureAwait(false);
        return checks.FirstOrDefault(c => c.Name == name);
    }

    /// <summary>Restarts services. A Pebble too old for the restart action (it answers 400) gets what ops does then:
    /// the running ones are stopped, then all are started.</summary>
    /// <param name="client">The client.</param>
    /// <param name="services">The services.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>A task that completes when they run again.</returns>
    public static async Task RestartWithFallbackAsync(this IPebbleClient client, IReadOnlyCollection<string> services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.RestartServicesAsync(services, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (PebbleApiException e) when (e.StatusCode == 400 && e.ApiMessage.StartsWith("invalid action", StringComparison.Ordinal))
        {
            var running = (await client.GetServicesAsync(services, cancellationToken).ConfigureAwait(false)).Where(s => s.IsRunning).Select(s => s.Name).ToList();
            if (running.Count > 0)
            {
                await client.StopServicesAsync(running, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            await client.StartServicesAsync(services, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    // chown's argument when the owner differs from the one wanted: "user:group", "user" or ":group"; null when it matches.
    private static string? ChownTarget(PebbleMakeDirOptions wanted, PebbleFileInfo actual)
    {
        var userDiffers = (wanted.UserId is { } uid && uid != actual.UserId) || (wanted.User is { } user && user != actual.User);
        var groupDiffers = (wanted.GroupId is { } gid && gid != actual.GroupId) || (wanted.Group is { } group && group != actual.Group);
        if (!userDiffers && !groupDiffers)
        {
            return null;
        }

        var userText = wanted.User ?? wanted.UserId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        var groupText = wanted.Group ?? wanted.GroupId?.ToString(CultureInfo.InvariantCulture);
        return groupText is null ? userText : $"{userText}:{groupText}";
    }
}
