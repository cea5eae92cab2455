using System.Buffers;
using System.Text;
using Charmarr.Ops.Pebble;

namespace Charmarr.Ops.Tests.Fakes;

/// <summary>
/// An in-memory <see cref="IPebbleClient"/> for tests of the conveniences and <c>Container</c>: a plan that layers
/// overlay by name, service states, a few files and canned exec results, and a log of every call. Operations a test
/// does not need throw <see cref="NotSupportedException"/>.
/// </summary>
internal sealed class FakePebbleClient : IPebbleClient
{
    public List<string> Calls { get; } = [];

    public PebblePlan Plan { get; set; } = new();

    public Dictionary<string, PebbleServiceInfo> Services { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PebbleFileInfo> Files { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, byte[]> Contents { get; } = new(StringComparer.Ordinal);

    /// <summary>What an exec returns: exit code, stdout, stderr; gets the command and the stdin it read.</summary>
    public Func<IReadOnlyList<string>, string, (int ExitCode, string Stdout, string Stderr)> Exec { get; set; } = (_, _) => (0, "", "");

    /// <summary>Thrown by every call, when set (Pebble unreachable).</summary>
    public Exception? Failure { get; set; }

    /// <summary>Thrown by restart, when set (an old Pebble).</summary>
    public Exception? RestartFailure { get; set; }

    public Task<PebbleSystemInfo> GetSystemInfoAsync(CancellationToken cancellationToken = default) =>
        Run("system-info", () => new PebbleSystemInfo("v1.32.1"));

    public Task<IReadOnlyList<PebbleServiceInfo>> GetServicesAsync(IEnumerable<string>? names = null, CancellationToken cancellationToken = default)
    {
        var wanted = names?.ToList();
        return Run(
            wanted is null ? "services" : $"services {string.Join(' ', wanted)}",
            () => (IReadOnlyList<PebbleServiceInfo>)Services.Values.Where(s => wanted is null || wanted.Contains(s.Name)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList());
    }

    public Task<string> StartServicesAsync(IEnumerable<string> services, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        SetServices("start", services, ServiceStatus.Active);

    public Task<string> StopServicesAsync(IEnumerable<string> services, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        SetServices("stop", services, ServiceStatus.Inactive);

    public Task<string> RestartServicesAsync(IEnumerable<string> services, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        RestartFailure is null ? SetServices("restart", services, ServiceStatus.Active) : throw RestartFailure;

    public Task<string> ReplanServicesAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        SetServices("replan", Plan.Services.Where(s => s.Value.Startup == ServiceStartup.Enabled).Select(s => s.Key), ServiceStatus.Active, logNames: false);

    public Task<string> AutostartServicesAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task SendSignalAsync(string signal, IEnumerable<string> services, CancellationToken cancellationToken = default) =>
        Run($"signal {signal} {string.Join(' ', services)}", () => true);

    public Task AddLayerAsync(string label, PebbleLayer layer, bool combine = false, CancellationToken cancellationToken = default) =>
        Run($"add-layer {label}{(combine ? " combine" : "")}", () =>
        {
            var services = new Dictionary<string, PebbleService>(Plan.Services, StringComparer.Ordinal);
            foreach (var (name, service) in layer.Services)
            {
                services[name] = service;
                Services.TryAdd(name, new PebbleServiceInfo(name, service.Startup ?? ServiceStartup.Disabled, ServiceStatus.Inactive));
            }

            Plan = Plan with { Services = services };
            return true;
        });

    public Task<PebblePlan> GetPlanAsync(CancellationToken cancellationToken = default) => Run("plan", () => Plan);

    public Task<IReadOnlyList<PebbleCheckInfo>> GetChecksAsync(CheckLevel? level = null, IEnumerable<string>? names = null, CancellationToken cancellationToken = default) =>
        Run("checks", () => (IReadOnlyList<PebbleCheckInfo>)[new PebbleCheckInfo("up", CheckLevel.Alive, CheckStartup.Enabled, CheckStatus.Up, 0, 3)]);

    public Task<IReadOnlyList<string>> StartChecksAsync(IEnumerable<string> checks, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<string>> StopChecksAsync(IEnumerable<string> checks, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<bool> GetHealthAsync(CheckLevel? level = null, IEnumerable<string>? names = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Stream> PullAsync(string path, CancellationToken cancellationToken = default) =>
        Run($"pull {path}", () => Contents.TryGetValue(path, out var bytes)
            ? (Stream)new MemoryStream(bytes)
            : throw new PebblePathException($"pebble pull {path}", path, PebbleErrorKinds.NotFound, $"stat {path}: no such file or directory"));

    public async Task PushAsync(string path, Stream content, PebblePushOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var bytes = new MemoryStream();
        await content.CopyToAsync(bytes, cancellationToken);
        await Run($"push {path}", () => Contents[path] = bytes.ToArray());
    }

    public Task<IReadOnlyList<PebbleFileInfo>> ListFilesAsync(string path, string? pattern = null, bool itself = false, CancellationToken cancellationToken = default) =>
        Run($"ls {path}{(itself ? " itself" : "")}", () => Files.TryGetValue(path, out var info)
            ? (IReadOnlyList<PebbleFileInfo>)[info]
            : throw new PebbleApiException($"pebble ls {path}", 404, "Not Found", PebbleErrorKinds.NotFound, $"stat {path}: no such file or directory"));

    public Task MakeDirAsync(string path, PebbleMakeDirOptions? options = null, CancellationToken cancellationToken = default) =>
        Run($"mkdir {path}{(options?.MakeParents == true ? " -p" : "")} uid={options?.UserId} mode={(options?.Permissions is { } m ? Convert.ToString(m, 8) : "")}", () =>
        {
            Files.TryAdd(path, File(path, PebbleFileType.Directory, options?.Permissions ?? 0b111_101_101, options?.UserId ?? 0, options?.GroupId ?? 0));
            return true;
        });

    public Task RemovePathAsync(string path, bool recursive = false, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public async Task<PebbleExecProcess> StartExecAsync(PebbleExecRequest request, CancellationToken cancellationToken = default)
    {
        await Run($"exec {string.Join(' ', request.Command)}", () => true);
        return new Process(request, Exec);
    }

    public Task<IReadOnlyList<PebbleChange>> GetChangesAsync(ChangeSelect select = ChangeSelect.InProgress, string? service = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<PebbleChange> GetChangeAsync(string changeId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<PebbleChange> WaitChangeAsync(string changeId, TimeSpan? timeout = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<PebbleChange> AbortChangeAsync(string changeId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<PebbleNotice>> GetNoticesAsync(PebbleNoticesQuery? query = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<PebbleNotice> GetNoticeAsync(string noticeId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<string> NotifyAsync(string key, IReadOnlyDictionary<string, string>? data = null, TimeSpan? repeatAfter = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<PebbleLogEntry>> GetLogsAsync(IEnumerable<string>? services = null, int? count = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IAsyncEnumerable<PebbleLogEntry> FollowLogsAsync(IEnumerable<string>? services = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<string, PebbleIdentity>> GetIdentitiesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task ReplaceIdentitiesAsync(IReadOnlyDictionary<string, PebbleIdentity?> identities, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task RemoveIdentitiesAsync(IEnumerable<string> names, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public static PebbleFileInfo File(string path, PebbleFileType type, int permissions, long uid, long gid) => new()
    {
        Path = path,
        Name = System.IO.Path.GetFileName(path),
        Type = type,
        Permissions = permissions,
        LastModified = DateTimeOffset.UnixEpoch,
        UserId = uid,
        GroupId = gid,
    };

    private Task<string> SetServices(string action, IEnumerable<string> services, ServiceStatus status, bool logNames = true)
    {
        var names = services.ToList();
        return Run(logNames ? $"{action} {string.Join(' ', names)}" : action, () =>
        {
            foreach (var name in names)
            {
                var startup = Services.TryGetValue(name, out var existing) ? existing.Startup : ServiceStartup.Disabled;
                Services[name] = new PebbleServiceInfo(name, startup, status);
            }

            return "1";
        });
    }

    private Task<T> Run<T>(string call, Func<T> action)
    {
        Calls.Add(call);
        return Failure is null ? Task.FromResult(action()) : Task.FromException<T>(Failure);
    }

    /// <summary>A finished command whose output is in memory; it reads its stdin when waited on.</summary>
    private sealed class Process(PebbleExecRequest request, Func<IReadOnlyList<string>, string, (int ExitCode, string Stdout, string Stderr)> run)
        : PebbleExecProcess(request, "1", "2")
    {
        private readonly MemoryStream stdin = new();
        private readonly Pipe stdout = new();
        private readonly Pipe? stderr = request.CombineStderr ? null : new Pipe();
        private int? exitCode;

        public override Stream Stdin => stdin;

        public override Stream Stdout => stdout.Reader;

        public override Stream? Stderr => stderr?.Reader;

        public override Task CloseStdinAsync(CancellationToken cancellationToken = default)
        {
            var (code, output, errors) = run(Request.Command, Encoding.UTF8.GetString(stdin.ToArray()));
            exitCode = code;
            stdout.Complete(Request.CombineStderr ? output + errors : output);
            stderr?.Complete(errors);
            return Task.CompletedTask;
        }

        public override Task SendSignalAsync(string signal, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public override Task<int> WaitForExitAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(exitCode ?? throw new InvalidOperationException("stdin was never closed"));

        protected override ValueTask DisposeAsyncCore()
        {
            stdin.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A stream whose content is set once, readers waiting until then.</summary>
    private sealed class Pipe
    {
        private readonly System.IO.Pipelines.Pipe pipe = new();

        public Stream Reader => pipe.Reader.AsStream();

        public void Complete(string text)
        {
            pipe.Writer.Write(Encoding.UTF8.GetBytes(text));
            pipe.Writer.Complete();
        }
    }
}
