namespace Charmarr.Ops.Pebble;

/// <summary>
/// Pebble's API for one workload container: the operations of Python's <c>ops.pebble.Client</c>, async.
/// Production talks HTTP over the container's unix socket (<c>PebbleClient</c>); the Testing package
/// provides a simulated Pebble behind the same interface.
/// </summary>
/// <remarks>
/// Service operations take a <c>timeout</c>: null waits up to 30 seconds for the change (as ops does),
/// <see cref="TimeSpan.Zero"/> returns the change id at once without waiting. Every method throws a
/// <see cref="PebbleException"/> subtype, never a raw transport exception.
/// </remarks>
public interface IPebbleClient
{
    /// <summary>Gets Pebble's version (<c>GET /v1/system-info</c>); the cheapest call that proves Pebble answers.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The system information.</returns>
    Task<PebbleSystemInfo> GetSystemInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists services, sorted by name.</summary>
    /// <param name="names">Only these services (unknown names are skipped); null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The services.</returns>
    Task<IReadOnlyList<PebbleServiceInfo>> GetServicesAsync(IEnumerable<string>? names = null, CancellationToken cancellationToken = default);

    /// <summary>Starts services (and those they require).</summary>
    /// <param name="services">The services.</param>
    /// <param name="timeout">How long to wait for the change; null = 30 s, zero = do not wait.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The change id.</returns>
    Task<string> StartServicesAsync(IEnumerable<string> services, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Stops services (and those that require them).</summary>
    /// <param name="services">The services.</param>
    /// <param name="timeout">How long to wait for the change; null = 30 s, zero = do not wait.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The change id.</returns>
    Task<string> StopServicesAsync(IEnumerable<string> services, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Restarts services: stops the running ones, then starts them all.</summary>
    /// <param name="services">The services.</param>
    /// <param name="timeout">How long to wait for the change; null = 30 s, zero = do not wait.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The change id.</returns>
    Task<string> RestartServicesAsync(IEnumerable<string> services, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Brings services in line with the plan: restarts those whose configuration changed, starts enabled
    /// ones, starts enabled checks.</summary>
    /// <param name="timeout">How long to wait for the change; null = 30 s, zero = do not wait.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The change id.</returns>
    Task<string> ReplanServicesAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Starts every <c>startup: enabled</c> service.</summary>
    /// <param name="timeout">How long to wait for the change; null = 30 s, zero = do not wait.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The change id.</returns>
    Task<string> AutostartServicesAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Sends a signal to services' processes.</summary>
    /// <param name="signal">A signal name such as <c>SIGHUP</c>.</param>
    /// <param name="services">The services (each must be running).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when sent.</returns>
    Task SendSignalAsync(string signal, IEnumerable<string> services, CancellationToken cancellationToken = default);

    /// <summary>Adds a layer on top of the plan, or with <paramref name="combine"/> merges it into the layer with
    /// the same label. Checks follow the new plan at once; services only on replan/start/stop.</summary>
    /// <param name="label">The layer's label.</param>
    /// <param name="layer">The layer.</param>
    /// <param name="combine">Combine into an existing layer with this label instead of failing.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when added.</returns>
    Task AddLayerAsync(string label, PebbleLayer layer, bool combine = false, CancellationToken cancellationToken = default);

    /// <summary>Gets the combined plan.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The plan.</returns>
    Task<PebblePlan> GetPlanAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists checks, sorted by name.</summary>
    /// <param name="level">Only checks of this level; null for all.</param>
    /// <param name="names">Only these checks; null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The checks.</returns>
    Task<IReadOnlyList<PebbleCheckInfo>> GetChecksAsync(CheckLevel? level = null, IEnumerable<string>? names = null, CancellationToken cancellationToken = default);

    /// <summary>Starts checks.</summary>
    /// <param name="checks">The checks.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The checks that were actually started, sorted.</returns>
    Task<IReadOnlyList<string>> StartChecksAsync(IEnumerable<string> checks, CancellationToken cancellationToken = default);

    /// <summary>Stops checks.</summary>
    /// <param name="checks">The checks.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The checks that were actually stopped, sorted.</returns>
    Task<IReadOnlyList<string>> StopChecksAsync(IEnumerable<string> checks, CancellationToken cancellationToken = default);

    /// <summary>Asks whether the checks are healthy (<c>GET /v1/health</c>).</summary>
    /// <param name="level">Only checks of this level (ready also covers alive); null for all.</param>
    /// <param name="names">Only these checks; null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when no matching check is down.</returns>
    Task<bool> GetHealthAsync(CheckLevel? level = null, IEnumerable<string>? names = null, CancellationToken cancellationToken = default);

    /// <summary>Opens a file of the container for reading; the content streams from Pebble as it is read.</summary>
    /// <param name="path">The absolute path.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The content; dispose it when done.</returns>
    /// <exception cref="PebblePathException">The path is missing, a directory, or unreadable.</exception>
    Task<Stream> PullAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Writes a file in the container (atomically), streaming the content.</summary>
    /// <param name="path">The absolute path.</param>
    /// <param name="content">The content, read to its end.</param>
    /// <param name="options">Directories, mode and ownership; null for Pebble's defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when written.</returns>
    /// <exception cref="PebblePathException">The file could not be written.</exception>
    Task PushAsync(string path, Stream content, PebblePushOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Lists a directory's entries, or a file (or with <paramref name="itself"/>, a directory) itself.</summary>
    /// <param name="path">The absolute path.</param>
    /// <param name="pattern">Only names matching this glob (<c>*.xml</c>).</param>
    /// <param name="itself">List the directory itself, not its entries.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries, sorted by name.</returns>
    /// <exception cref="PebbleApiException">The path is missing (404, kind <c>not-found</c>) or unreadable.</exception>
    Task<IReadOnlyList<PebbleFileInfo>> ListFilesAsync(string path, string? pattern = null, bool itself = false, CancellationToken cancellationToken = default);

    /// <summary>Creates a directory.</summary>
    /// <param name="path">The absolute path.</param>
    /// <param name="options">Parents, mode and ownership; null for Pebble's defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when created.</returns>
    /// <exception cref="PebblePathException">It exists (without make-parents), or its parent is missing.</exception>
    Task MakeDirAsync(string path, PebbleMakeDirOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Removes a file or directory.</summary>
    /// <param name="path">The absolute path.</param>
    /// <param name="recursive">Remove a directory and its contents; a missing path is then not an error.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when removed.</returns>
    /// <exception cref="PebblePathException">It is missing, or a non-empty directory without <paramref name="recursive"/>.</exception>
    Task RemovePathAsync(string path, bool recursive = false, CancellationToken cancellationToken = default);

    /// <summary>Starts a command in the container. Use the returned process's streams, then wait for it.</summary>
    /// <param name="request">The command and how to run it.</param>
    /// <param name="cancellationToken">Cancels starting it.</param>
    /// <returns>The running command.</returns>
    /// <exception cref="PebbleApiException">Pebble refused it (unknown executable, bad user...).</exception>
    Task<PebbleExecProcess> StartExecAsync(PebbleExecRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists changes.</summary>
    /// <param name="select">Which changes.</param>
    /// <param name="service">Only changes that concern this service.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changes (in no particular order, as Pebble returns them).</returns>
    Task<IReadOnlyList<PebbleChange>> GetChangesAsync(ChangeSelect select = ChangeSelect.InProgress, string? service = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one change.</summary>
    /// <param name="changeId">The change id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The change.</returns>
    Task<PebbleChange> GetChangeAsync(string changeId, CancellationToken cancellationToken = default);

    /// <summary>Waits for a change to be ready and returns it (whether it succeeded or not).</summary>
    /// <param name="changeId">The change id.</param>
    /// <param name="timeout">How long to wait; null = 30 s.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The ready change.</returns>
    /// <exception cref="PebbleTimeoutException">It was not ready in time.</exception>
    Task<PebbleChange> WaitChangeAsync(string changeId, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Aborts a change that is still in progress.</summary>
    /// <param name="changeId">The change id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The change after the abort.</returns>
    Task<PebbleChange> AbortChangeAsync(string changeId, CancellationToken cancellationToken = default);

    /// <summary>Lists notices, sorted by when they last repeated.</summary>
    /// <param name="query">Filters; null for the caller's and public notices.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The notices.</returns>
    Task<IReadOnlyList<PebbleNotice>> GetNoticesAsync(PebbleNoticesQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one notice.</summary>
    /// <param name="noticeId">The notice id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The notice.</returns>
    Task<PebbleNotice> GetNoticeAsync(string noticeId, CancellationToken cancellationToken = default);

    /// <summary>Records an occurrence of a custom notice (Juju turns new ones into <c>pebble-custom-notice</c>).</summary>
    /// <param name="key">The key, <c>example.com/path</c> form.</param>
    /// <param name="data">Data of this occurrence.</param>
    /// <param name="repeatAfter">Occurrences closer together than this do not repeat the notice.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The notice id.</returns>
    Task<string> NotifyAsync(string key, IReadOnlyDictionary<string, string>? data = null, TimeSpan? repeatAfter = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the last lines services wrote.</summary>
    /// <param name="services">Only these services; null for all.</param>
    /// <param name="count">How many lines (Pebble's default 30); -1 for all it keeps.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The lines, oldest first.</returns>
    Task<IReadOnlyList<PebbleLogEntry>> GetLogsAsync(IEnumerable<string>? services = null, int? count = null, CancellationToken cancellationToken = default);

    /// <summary>Follows services' output as it is written, until cancelled.</summary>
    /// <param name="services">Only these services; null for all.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The lines as they arrive.</returns>
    IAsyncEnumerable<PebbleLogEntry> FollowLogsAsync(IEnumerable<string>? services = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the named identities (Pebble v1.15+).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Identities by name.</returns>
    Task<IReadOnlyDictionary<string, PebbleIdentity>> GetIdentitiesAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces identities; a null value removes that identity.</summary>
    /// <param name="identities">Identities by name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when replaced.</returns>
    Task ReplaceIdentitiesAsync(IReadOnlyDictionary<string, PebbleIdentity?> identities, CancellationToken cancellationToken = default);

    /// <summary>Removes identities.</summary>
    /// <param name="names">Their names.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when removed.</returns>
    Task RemoveIdentitiesAsync(IEnumerable<string> names, CancellationToken cancellationToken = default);
}
