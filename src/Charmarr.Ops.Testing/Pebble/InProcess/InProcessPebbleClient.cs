using System.Runtime.CompilerServices;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Pebble.Exec;
using Charmarr.Ops.Testing.Pebble.Files;

namespace Charmarr.Ops.Testing.Pebble.InProcess;

/// <summary>
/// The in-process face of a <see cref="PebbleSimulator"/>: <see cref="IPebbleClient"/> without sockets, for Harness
/// tests. It answers like the real client talking to Pebble — the same change ids, error kinds and messages — and
/// throws <see cref="PebbleConnectionException"/> while <see cref="CanConnect"/> is false.
/// </summary>
public sealed class InProcessPebbleClient : IPebbleClient
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    /// <summary>Creates a client of the simulator.</summary>
    /// <param name="simulator">The simulated Pebble.</param>
    /// <param name="socketPath">The socket path named in connection errors.</param>
    public InProcessPebbleClient(PebbleSimulator simulator, string socketPath = "/charm/containers/workload/pebble.socket")
    {
        ArgumentNullException.ThrowIfNull(simulator);
        Simulator = simulator;
        SocketPath = socketPath;
    }

    /// <summary>The simulator behind this client.</summary>
    public PebbleSimulator Simulator { get; }

    /// <summary>The socket path this client stands for.</summary>
    public string SocketPath { get; }

    /// <summary>Whether Pebble answers; false makes every call fail as if the socket were absent.</summary>
    public bool CanConnect { get; set; } = true;

    /// <inheritdoc/>
    public Task<PebbleSystemInfo> GetSystemInfoAsync(CancellationToken cancellationToken = default) =>
        Call("get system info", () => new PebbleSystemInfo(Simulator.Version, Simulator.BootId));

    /// <inheritdoc/>
    public Task<IReadOnlyList<PebbleServiceInfo>> GetServicesAsync(IEnumerable<string>? names = null, CancellationToken cancellationToken = default) =>
        Call<IReadOnlyList<PebbleServiceInfo>>("get services", () =>
            Simulator.GetServices([.. names ?? []]).Select(ContractMapping.Service).ToList());

    /// <inheritdoc/>
    public Task<string> StartServicesAsync(IEnumerable<string> services, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ServicesAsync("start", services, timeout, cancellationToken);

    /// <inheritdoc/>
    public Task<string> StopServicesAsync(IEnumerable<string> services, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ServicesAsync("stop", services, timeout, cancellationToken);

    /// <inheritdoc/>
    public Task<string> RestartServicesAsync(IEnumerable<string> services, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ServicesAsync("restart", services, timeout, cancellationToken);

    /// <inheritdoc/>
    public Task<string> ReplanServicesAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ServicesAsync("replan", [], timeout, cancellationToken);

    /// <inheritdoc/>
    public Task<string> AutostartServicesAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ServicesAsync("autostart", [], timeout, cancellationToken);

    /// <inheritdoc/>
    public Task SendSignalAsync(string signal, IEnumerable<string> services, CancellationToken cancellationToken = default) =>
        Call("send signal", () => Simulator.SendSignal(signal, [.. services]));

    /// <inheritdoc/>
    public Task AddLayerAsync(string label, PebbleLayer layer, bool combine = false, CancellationToken cancellationToken = default) =>
        Call("add layer", () => Simulator.AddLayer(LayerMapping.ToPlanLayer(label, layer), combine));

    /// <inheritdoc/>
    public Task<PebblePlan> GetPlanAsync(CancellationToken cancellationToken = default) =>
        Call("get plan", () =>
        {
            var (plan, yaml) = Simulator.Plan();
            return LayerMapping.ToPebblePlan(plan, yaml);
        });

    /// <inheritdoc/>
    public Task<IReadOnlyList<PebbleCheckInfo>> GetChecksAsync(CheckLevel? level = null, IEnumerable<string>? names = null, CancellationToken cancellationToken = default) =>
        Call<IReadOnlyList<PebbleCheckInfo>>("get checks", () =>
            Simulator.GetChecks(Level(level), [.. names ?? []]).Select(ContractMapping.Check).ToList());

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> StartChecksAsync(IEnumerable<string> checks, CancellationToken cancellationToken = default) =>
        Call("start checks", () => Simulator.ChecksAction("start", [.. checks]));

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> StopChecksAsync(IEnumerable<string> checks, CancellationToken cancellationToken = default) =>
        Call("stop checks", () => Simulator.ChecksAction("stop", [.. checks]));

    /// <inheritdoc/>
    public Task<bool> GetHealthAsync(CheckLevel? level = null, IEnumerable<string>? names = null, CancellationToken cancellationToken = default) =>
        Call("get health", () => Simulator.IsHealthy(Level(level), [.. names ?? []]));

    /// <inheritdoc/>
    public Task<Stream> PullAsync(string path, CancellationToken cancellationToken = default) =>
        PathCall($"pull {path}", path, () => Simulator.FileOperation(() => Simulator.Parts.Files.Read(path)).OpenRead());

    /// <inheritdoc/>
    public async Task PushAsync(string path, Stream content, PebblePushOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureConnected($"push {path}");
        var stored = await FileContent.ReadFromAsync(content, cancellationToken).ConfigureAwait(false);
        await PathCall($"push {path}", path, () =>
        {
            Simulator.FileOperation(() => Simulator.Parts.Files.Write(path, stored, ContractMapping.Creation(options, options?.MakeDirs ?? false)));
            return true;
        }).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<PebbleFileInfo>> ListFilesAsync(string path, string? pattern = null, bool itself = false, CancellationToken cancellationToken = default) =>
        Call<IReadOnlyList<PebbleFileInfo>>($"list {path}", () =>
        {
            if (!path.StartsWith('/'))
            {
                throw SimulatedPebbleException.BadRequest($"path must be absolute, got {Json.GoText.Quote(path)}", PebbleErrorKinds.GenericFileError);
            }

            try
            {
                return Simulator.ListFiles(path, pattern, itself).Select(ContractMapping.File).ToList();
            }
            catch (FormatException e)
            {
                throw SimulatedPebbleException.BadRequest(e.Message, PebbleErrorKinds.GenericFileError);
            }
        });

    /// <inheritdoc/>
    public Task MakeDirAsync(string path, PebbleMakeDirOptions? options = null, CancellationToken cancellationToken = default) =>
        PathCall($"make directory {path}", path, () =>
        {
            Simulator.MakeDirectory(path, ContractMapping.Creation(options, options?.MakeParents ?? false));
            return true;
        });

    /// <inheritdoc/>
    public Task RemovePathAsync(string path, bool recursive = false, CancellationToken cancellationToken = default) =>
        PathCall($"remove {path}", path, () =>
        {
            Simulator.RemovePath(path, recursive);
            return true;
        });

    /// <inheritdoc/>
    public Task<PebbleExecProcess> StartExecAsync(PebbleExecRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Call<PebbleExecProcess>("exec", () =>
        {
            var session = Simulator.StartExec(new ExecSpec(
                request.Command,
                request.ServiceContext,
                request.Environment ?? new Dictionary<string, string>(),
                request.WorkingDir,
                request.Timeout,
                request.UserId is { } uid ? checked((int)uid) : null,
                request.User,
                request.GroupId is { } gid ? checked((int)gid) : null,
                request.Group,
                SplitStderr: !request.CombineStderr));
            return new InProcessExecProcess(Simulator, request, session);
        });
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<PebbleChange>> GetChangesAsync(ChangeSelect select = ChangeSelect.InProgress, string? service = null, CancellationToken cancellationToken = default) =>
        Call<IReadOnlyList<PebbleChange>>("get changes", () =>
            Simulator.GetChanges(select switch
            {
                ChangeSelect.Ready => "ready",
                ChangeSelect.All => "all",
                _ => "in-progress",
            }, service).Select(ContractMapping.Change).ToList());

    /// <inheritdoc/>
    public Task<PebbleChange> GetChangeAsync(string changeId, CancellationToken cancellationToken = default) =>
        Call("get change", () => ContractMapping.Change(Simulator.RequireChange(changeId)));

    /// <inheritdoc/>
    public async Task<PebbleChange> WaitChangeAsync(string changeId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        const string operation = "wait change";
        EnsureConnected(operation);
        var limit = timeout ?? DefaultWait;
        try
        {
            return ContractMapping.Change(await Simulator.WaitChangeAsync(changeId, limit, cancellationToken).ConfigureAwait(false));
        }
        catch (SimulatedPebbleException e) when (e.StatusCode == 504)
        {
            throw new PebbleTimeoutException(operation, limit, ContractMapping.Api(operation, e));
        }
        catch (SimulatedPebbleException e)
        {
            throw ContractMapping.Api(operation, e);
        }
    }

    /// <inheritdoc/>
    public Task<PebbleChange> AbortChangeAsync(string changeId, CancellationToken cancellationToken = default) =>
        Call("abort change", () => ContractMapping.Change(Simulator.AbortChange(changeId)));

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PebbleNotice>> GetNoticesAsync(PebbleNoticesQuery? query = null, CancellationToken cancellationToken = default)
    {
        EnsureConnected("get notices");
        var filter = new NoticeFilter
        {
            UserId = query?.UserId is { } uid ? checked((uint)uid) : null,
            AllUsers = query?.AllUsers ?? false,
            Types = query?.Types?.Select(t => t.Value).ToList() ?? [],
            Keys = query?.Keys ?? [],
            After = query?.After,
        };
        var notices = query?.Timeout is { } timeout
            ? await Simulator.WaitNoticesAsync(filter, timeout, cancellationToken).ConfigureAwait(false)
            : Simulator.GetNotices(filter);
        return notices.Select(ContractMapping.Notice).ToList();
    }

    /// <inheritdoc/>
    public Task<PebbleNotice> GetNoticeAsync(string noticeId, CancellationToken cancellationToken = default) =>
        Call("get notice", () => ContractMapping.Notice(Simulator.GetNotice(noticeId)
            ?? throw SimulatedPebbleException.NotFound($"cannot find notice with ID {Json.GoText.Quote(noticeId)}")));

    /// <inheritdoc/>
    public Task<string> NotifyAsync(string key, IReadOnlyDictionary<string, string>? data = null, TimeSpan? repeatAfter = null, CancellationToken cancellationToken = default) =>
        Call("notify", () => Simulator.Notify(key, data, repeatAfter));

    /// <inheritdoc/>
    public Task<IReadOnlyList<PebbleLogEntry>> GetLogsAsync(IEnumerable<string>? services = null, int? count = null, CancellationToken cancellationToken = default) =>
        Call<IReadOnlyList<PebbleLogEntry>>("get logs", () =>
            Simulator.GetLogs([.. services ?? []], count ?? 30).Select(ContractMapping.Log).ToList());

    /// <inheritdoc/>
    public async IAsyncEnumerable<PebbleLogEntry> FollowLogsAsync(IEnumerable<string>? services = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EnsureConnected("follow logs");
        var selected = (services ?? []).ToList();
        var logs = Simulator.Parts.Logs;
        SimulatedLogEntry? last;
        Task next;
        lock (Simulator.Parts.Gate)
        {
            var all = logs.Last(selected, -1);
            last = all.Count > 0 ? all[^1] : null;
            next = logs.NextWrite;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await next.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            List<SimulatedLogEntry> fresh;
            lock (Simulator.Parts.Gate)
            {
                var all = logs.Last(selected, -1);
                fresh = all.Skip(last is null ? 0 : all.FindLastIndex(e => ReferenceEquals(e, last)) + 1).ToList();
                next = logs.NextWrite;
            }

            foreach (var entry in fresh)
            {
                last = entry;
                yield return ContractMapping.Log(entry);
            }
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<string, PebbleIdentity>> GetIdentitiesAsync(CancellationToken cancellationToken = default) =>
        Call<IReadOnlyDictionary<string, PebbleIdentity>>("get identities", () =>
            Simulator.Identities.ToDictionary(kv => kv.Key, kv => new PebbleIdentity(kv.Value.Access, kv.Value.LocalUserId, kv.Value.BasicPassword)));

    /// <inheritdoc/>
    public Task ReplaceIdentitiesAsync(IReadOnlyDictionary<string, PebbleIdentity?> identities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identities);
        return Call("replace identities", () => Simulator.ApplyIdentities("replace", identities.ToDictionary(
            kv => kv.Key,
            kv => kv.Value is null ? null : new SimulatedIdentity(kv.Value.Access, kv.Value.LocalUserId is { } uid ? checked((uint)uid) : null, kv.Value.BasicPassword, null))));
    }

    /// <inheritdoc/>
    public Task RemoveIdentitiesAsync(IEnumerable<string> names, CancellationToken cancellationToken = default) =>
        Call("remove identities", () => Simulator.ApplyIdentities("remove", names.ToDictionary(n => n, _ => (SimulatedIdentity?)null)));

    private async Task<string> ServicesAsync(string action, IEnumerable<string> services, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var operation = $"{action} services";
        var change = await Call(operation, () => Simulator.ServicesAction(action, [.. services])).ConfigureAwait(false);
        if (timeout == TimeSpan.Zero)
        {
            return change.Id;
        }

        var ready = await WaitChangeAsync(change.Id, timeout, cancellationToken).ConfigureAwait(false);
        return ready.Err is null ? change.Id : throw new PebbleChangeException(operation, ready);
    }

    private Task<T> Call<T>(string operation, Func<T> call)
    {
        EnsureConnected(operation);
        try
        {
            return Task.FromResult(call());
        }
        catch (SimulatedPebbleException e)
        {
            throw ContractMapping.Api(operation, e);
        }
    }

    private Task<bool> Call(string operation, Action call) => Call(operation, () =>
    {
        call();
        return true;
    });

    private Task<T> PathCall<T>(string operation, string path, Func<T> call)
    {
        EnsureConnected(operation);
        try
        {
            return Task.FromResult(call());
        }
        catch (SimulatedPebbleException e)
        {
            throw ContractMapping.Path(operation, path, e);
        }
    }

    private void EnsureConnected(string operation)
    {
        if (!CanConnect)
        {
            throw new PebbleConnectionException(
                operation, SocketPath, $"cannot connect to Pebble: socket not found at {SocketPath} (the simulated container is not connectable)", null);
        }
    }

    private static string? Level(CheckLevel? level) => level is { Value.Length: > 0 } l ? l.Value : null;
}
