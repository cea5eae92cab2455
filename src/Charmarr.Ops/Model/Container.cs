using Charmarr.Ops.Metadata;
using Charmarr.Ops.Pebble;

namespace Charmarr.Ops.Model;

/// <summary>
/// A workload container of a Kubernetes sidecar charm, run by Pebble. The operations go to the container's Pebble
/// (<see cref="Pebble"/>, created on first use); they throw <see cref="PebbleException"/> subtypes, such as
/// <see cref="PebbleConnectionException"/> while the container is not up.
/// </summary>
public sealed class Container
{
    private readonly IPebbleClientFactory pebbleFactory;
    private IPebbleClient? pebble;

    internal Container(ContainerMeta meta, IPebbleClientFactory pebbleFactory)
    {
        Meta = meta;
        this.pebbleFactory = pebbleFactory;
    }

    /// <summary>The container name.</summary>
    public string Name => Meta.Name;

    /// <summary>What the metadata declares about it.</summary>
    public ContainerMeta Meta { get; }

    /// <summary>Where its Pebble listens: <c>/charm/containers/&lt;name&gt;/pebble.socket</c>.</summary>
    public string PebbleSocketPath => PebbleClient.SocketPathFor(Name);

    /// <summary>The container's Pebble client, for everything the conveniences below do not cover.</summary>
    public IPebbleClient Pebble => pebble ??= pebbleFactory.Create(Name, PebbleSocketPath);

    /// <summary>Whether Pebble answers now. Never throws; prefer catching <see cref="PebbleConnectionException"/>
    /// around the real work, since the answer can change right after.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when Pebble answered.</returns>
    public Task<bool> CanConnectAsync(CancellationToken cancellationToken = default) => Pebble.CanConnectAsync(cancellationToken);

    /// <summary>Adds a layer to the plan (see <see cref="IPebbleClient.AddLayerAsync"/>).</summary>
    /// <param name="label">The layer's label.</param>
    /// <param name="layer">The layer.</param>
    /// <param name="combine">Combine into an existing layer with this label instead of failing.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when added.</returns>
    public Task AddLayerAsync(string label, PebbleLayer layer, bool combine = false, CancellationToken cancellationToken = default) =>
        Pebble.AddLayerAsync(label, layer, combine, cancellationToken);

    /// <summary>Adds (combines) a layer and replans only when the plan changed or an enabled service is not running.</summary>
    /// <param name="label">The layer's label.</param>
    /// <param name="layer">The layer.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>True when it replanned.</returns>
    public Task<bool> EnsureLayerAsync(string label, PebbleLayer layer, CancellationToken cancellationToken = default) =>
        Pebble.EnsureLayerAsync(label, layer, cancellationToken);

    /// <summary>Replans: restarts services whose configuration changed, starts enabled ones, and waits for it.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the replan is done.</returns>
    /// <exception cref="PebbleChangeException">A service failed to start or stop.</exception>
    public Task ReplanAsync(CancellationToken cancellationToken = default) => Pebble.ReplanServicesAsync(cancellationToken: cancellationToken);

    /// <summary>Starts every <c>startup: enabled</c> service and waits for it.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when they run.</returns>
    public Task AutostartAsync(CancellationToken cancellationToken = default) => Pebble.AutostartServicesAsync(cancellationToken: cancellationToken);

    /// <summary>Gets the combined plan.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The plan.</returns>
    public Task<PebblePlan> GetPlanAsync(CancellationToken cancellationToken = default) => Pebble.GetPlanAsync(cancellationToken);

    /// <summary>Lists services (all, or the named ones).</summary>
    /// <param name="names">Only these services; none for all.</param>
    /// <returns>The services, sorted by name.</returns>
    public Task<IReadOnlyList<PebbleServiceInfo>> GetServicesAsync(params string[] names) =>
        Pebble.GetServicesAsync(names.Length == 0 ? null : names);

    /// <summary>One service's state.</summary>
    /// <param name="name">The service.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Its state; null when the plan has no such service.</returns>
    public Task<PebbleServiceInfo?> GetServiceAsync(string name, CancellationToken cancellationToken = default) =>
        Pebble.GetServiceAsync(name, cancellationToken);

    /// <summary>Starts services and waits for them.</summary>
    /// <param name="services">The services (at least one).</param>
    /// <returns>A task that completes when they run.</returns>
    public Task StartAsync(params string[] services) => Pebble.StartServicesAsync(AtLeastOne(services));

    /// <summary>Stops services and waits for them.</summary>
    /// <param name="services">The services (at least one).</param>
    /// <returns>A task that completes when they have stopped.</returns>
    public Task StopAsync(params string[] services) => Pebble.StopServicesAsync(AtLeastOne(services));

    /// <summary>Restarts services and waits for them (stop + start on a Pebble without the restart action, as ops).</summary>
    /// <param name="services">The services (at least one).</param>
    /// <returns>A task that completes when they run again.</returns>
    public Task RestartAsync(params string[] services) => Pebble.RestartWithFallbackAsync(AtLeastOne(services));

    /// <summary>Sends a signal to running services.</summary>
    /// <param name="signal">A signal name such as <c>SIGHUP</c>.</param>
    /// <param name="services">The services (at least one).</param>
    /// <returns>A task that completes when sent.</returns>
    public Task SendSignalAsync(string signal, params string[] services) => Pebble.SendSignalAsync(signal, AtLeastOne(services));

    /// <summary>Lists checks.</summary>
    /// <param name="level">Only checks of this level; null for all.</param>
    /// <param name="names">Only these checks; none for all.</param>
    /// <returns>The checks, sorted by name.</returns>
    public Task<IReadOnlyList<PebbleCheckInfo>> GetChecksAsync(CheckLevel? level = null, params string[] names) =>
        Pebble.GetChecksAsync(level, names.Length == 0 ? null : names);

    /// <summary>One check's state.</summary>
    /// <param name="name">The check.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Its state; null when the plan has no such check.</returns>
    public Task<PebbleCheckInfo?> GetCheckAsync(string name, CancellationToken cancellationToken = default) => Pebble.GetCheckAsync(name, cancellationToken);

    /// <summary>Starts checks.</summary>
    /// <param name="checks">The checks (at least one).</param>
    /// <returns>The checks that were started.</returns>
    public Task<IReadOnlyList<string>> StartChecksAsync(params string[] checks) => Pebble.StartChecksAsync(AtLeastOne(checks));

    /// <summary>Stops checks.</summary>
    /// <param name="checks">The checks (at least one).</param>
    /// <returns>The checks that were stopped.</returns>
    public Task<IReadOnlyList<string>> StopChecksAsync(params string[] checks) => Pebble.StopChecksAsync(AtLeastOne(checks));

    /// <summary>Writes text to a file (UTF-8).</summary>
    /// <param name="path">The absolute path.</param>
    /// <param name="text">The text.</param>
    /// <param name="options">Directories, mode and ownership.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when written.</returns>
    public Task PushTextAsync(string path, string text, PebblePushOptions? options = null, CancellationToken cancellationToken = default) =>
        Pebble.PushTextAsync(path, text, options, cancellationToken);

    /// <summary>Writes bytes to a file.</summary>
    /// <param name="path">The absolute path.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="options">Directories, mode and ownership.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when written.</returns>
    public Task PushBytesAsync(string path, byte[] content, PebblePushOptions? options = null, CancellationToken cancellationToken = default) =>
        Pebble.PushBytesAsync(path, content, options, cancellationToken);

    /// <summary>Writes a file from a stream, without reading it all into memory.</summary>
    /// <param name="path">The absolute path.</param>
    /// <param name="content">The content, read to its end.</param>
    /// <param name="options">Directories, mode and ownership.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when written.</returns>
    public Task PushAsync(string path, Stream content, PebblePushOptions? options = null, CancellationToken cancellationToken = default) =>
        Pebble.PushAsync(path, content, options, cancellationToken);

    /// <summary>Reads a file as UTF-8 text.</summary>
    /// <param name="path">The absolute path.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The text.</returns>
    public Task<string> PullTextAsync(string path, CancellationToken cancellationToken = default) => Pebble.PullTextAsync(path, cancellationToken);

    /// <summary>Opens a file for reading as it streams from Pebble.</summary>
    /// <param name="path">The absolute path.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The content; dispose it when done.</returns>
    public Task<Stream> PullAsync(string path, CancellationToken cancellationToken = default) => Pebble.PullAsync(path, cancellationToken);

    /// <summary>Lists a directory's entries (or a file itself).</summary>
    /// <param name="path">The absolute path.</param>
    /// <param name="pattern">Only names matching this glob.</param>
    /// <param name="itself">Describe a directory itself, not its entries.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries.</returns>
    public Task<IReadOnlyList<PebbleFileInfo>> ListFilesAsync(string path, string? pattern = null, bool itself = false, CancellationToken cancellationToken = default) =>
        Pebble.ListFilesAsync(path, pattern, itself, cancellationToken);

    /// <summary>Whether a path exists.</summary>
    /// <param name="path">The absolute path.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when it exists.</returns>
    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) => Pebble.ExistsAsync(path, cancellationToken);

    /// <summary>Whether a path is a directory.</summary>
    /// <param name="path">The absolute path.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True for an existing directory.</returns>
    public Task<bool> IsDirectoryAsync(string path, CancellationToken cancellationToken = default) => Pebble.IsDirectoryAsync(path, cancellationToken);

    /// <summary>Creates a directory.</summary>
    /// <param name="path">The absolute path.</param>
    /// <param name="options">Parents, mode and ownership.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when created.</returns>
    public Task MakeDirAsync(string path, PebbleMakeDirOptions? options = null, CancellationToken cancellationToken = default) =>
        Pebble.MakeDirAsync(path, options, cancellationToken);

    /// <summary>Makes sure a directory exists (with parents) owned and moded as asked, fixing an existing one.</summary>
    /// <param name="path">The absolute path.</param>
    /// <param name="owner">Mode and ownership.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>A task that completes when the directory is as asked.</returns>
    public Task EnsureDirectoryAsync(string path, PebbleMakeDirOptions? owner = null, CancellationToken cancellationToken = default) =>
        Pebble.EnsureDirectoryAsync(path, owner, cancellationToken);

    /// <summary>Removes a file or directory.</summary>
    /// <param name="path">The absolute path.</param>
    /// <param name="recursive">Remove a directory with its contents (a missing path is then fine).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when removed.</returns>
    public Task RemovePathAsync(string path, bool recursive = false, CancellationToken cancellationToken = default) =>
        Pebble.RemovePathAsync(path, recursive, cancellationToken);

    /// <summary>Runs a command to completion; fails with its output unless it exits with 0.</summary>
    /// <param name="command">The program and its arguments.</param>
    /// <returns>The exit code (0) and output.</returns>
    /// <exception cref="PebbleExecException">It exited non-zero.</exception>
    public Task<PebbleExecResult> ExecAsync(params string[] command) => Pebble.ExecAsync(new PebbleExecRequest(command));

    /// <summary>Runs a command to completion and returns its exit code and output.</summary>
    /// <param name="request">The command and how to run it.</param>
    /// <param name="stdin">Text for its standard input; null for none.</param>
    /// <param name="throwOnNonZeroExit">Fail (with the output) unless it exits with 0.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The exit code and output.</returns>
    public Task<PebbleExecResult> ExecAsync(PebbleExecRequest request, string? stdin = null, bool throwOnNonZeroExit = true, CancellationToken cancellationToken = default) =>
        Pebble.ExecAsync(request, stdin, throwOnNonZeroExit, cancellationToken);

    /// <summary>Starts a command to drive it interactively (its streams, signals), for what <see cref="ExecAsync(PebbleExecRequest, string?, bool, CancellationToken)"/> cannot do.</summary>
    /// <param name="request">The command and how to run it.</param>
    /// <param name="cancellationToken">Cancels starting it.</param>
    /// <returns>The running command; dispose it.</returns>
    public Task<PebbleExecProcess> StartExecAsync(PebbleExecRequest request, CancellationToken cancellationToken = default) =>
        Pebble.StartExecAsync(request, cancellationToken);

    /// <summary>Lists notices.</summary>
    /// <param name="query">Filters; null for the caller's and public notices.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The notices.</returns>
    public Task<IReadOnlyList<PebbleNotice>> GetNoticesAsync(PebbleNoticesQuery? query = null, CancellationToken cancellationToken = default) =>
        Pebble.GetNoticesAsync(query, cancellationToken);

    /// <summary>Gets one notice (e.g. the one a <c>pebble-custom-notice</c> event names).</summary>
    /// <param name="noticeId">The notice id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The notice.</returns>
    public Task<PebbleNotice> GetNoticeAsync(string noticeId, CancellationToken cancellationToken = default) =>
        Pebble.GetNoticeAsync(noticeId, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => Name;

    private static string[] AtLeastOne(string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Length > 0 ? names : throw new ArgumentException("name at least one", nameof(names));
    }
}
