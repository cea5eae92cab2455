using Charmarr.Ops.Testing.Pebble.Json;
using Charmarr.Ops.Testing.Pebble.State;

namespace Charmarr.Ops.Testing.Pebble.Exec;

/// <summary>What <c>POST /v1/exec</c> asks for, before defaults and the service-context merge.</summary>
internal sealed record ExecSpec(
    IReadOnlyList<string> Command,
    string? ServiceContext,
    IReadOnlyDictionary<string, string> Environment,
    string? WorkingDir,
    TimeSpan? Timeout,
    int? UserId,
    string? User,
    int? GroupId,
    string? Group,
    bool SplitStderr);

/// <summary>
/// Exec handlers registered by argv prefix (longest wins) and the exec changes they run (§2.10, §7.3, §7.4).
/// <see cref="Start"/> runs under the simulator's lock; <see cref="RunAsync"/> takes it itself.
/// </summary>
internal sealed class ExecManager(SimulatorParts parts)
{
    private const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private readonly List<(IReadOnlyList<string> Prefix, ExecHandler Handler)> handlers = [];

    /// <summary>Every command started, oldest first.</summary>
    public List<ExecCall> Calls { get; } = [];

    public void Register(IReadOnlyList<string> prefix, ExecHandler handler)
    {
        handlers.RemoveAll(h => h.Prefix.SequenceEqual(prefix));
        handlers.Add((prefix.ToList(), handler));
    }

    /// <summary>Validates and resolves the request, then makes the exec change (task Doing).</summary>
    public ExecSession Start(ExecSpec spec)
    {
        if (spec.Command.Count == 0)
        {
            throw SimulatedPebbleException.BadRequest("must specify command");
        }

        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var (userId, user, groupId, group, workingDir) = (spec.UserId, spec.User, spec.GroupId, spec.Group, spec.WorkingDir);
        if (!string.IsNullOrEmpty(spec.ServiceContext))
        {
            if (!parts.Layers.Plan.Services.TryGetValue(spec.ServiceContext, out var context))
            {
                throw SimulatedPebbleException.BadRequest($"context service {GoText.Quote(spec.ServiceContext)} not found");
            }

            foreach (var (key, value) in context.Environment)
            {
                environment[key] = value;
            }

            userId ??= context.UserId;
            user = string.IsNullOrEmpty(user) ? NullIfEmpty(context.User) : user;
            groupId ??= context.GroupId;
            group = string.IsNullOrEmpty(group) ? NullIfEmpty(context.Group) : group;
            workingDir = string.IsNullOrEmpty(workingDir) ? NullIfEmpty(context.WorkingDir) : workingDir;
        }

        foreach (var (key, value) in spec.Environment)
        {
            environment[key] = value;
        }

        int? uid, gid;
        try
        {
            (uid, gid) = parts.Files.Users.Normalize(userId, groupId, user, group);
        }
        catch (FormatException e)
        {
            throw SimulatedPebbleException.BadRequest(e.Message);
        }

        // As Pebble: the service context and the user are checked before the executable is looked up.
        var handler = handlers
            .Where(h => h.Prefix.Count <= spec.Command.Count && h.Prefix.SequenceEqual(spec.Command.Take(h.Prefix.Count)))
            .OrderByDescending(h => h.Prefix.Count)
            .Select(h => h.Handler)
            .FirstOrDefault()
            ?? throw SimulatedPebbleException.BadRequest($"cannot find executable {GoText.Quote(spec.Command[0])}");

        var home = parts.Files.Users.Home(uid ?? 0) ?? "/";
        var final = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = DefaultPath,
            ["LANG"] = "C.UTF-8",
            ["HOME"] = home,
            ["USER"] = parts.Files.Users.UserName(uid ?? 0),
        };
        foreach (var (key, value) in environment)
        {
            final[key] = value;
        }

        if (string.IsNullOrEmpty(workingDir))
        {
            workingDir = parts.Files.Exists(home) ? home : "/";
        }
        else if (!parts.Files.Exists(workingDir))
        {
            throw SimulatedPebbleException.Internal($"cannot call exec: working directory {GoText.Quote(workingDir)} does not exist");
        }

        var summary = $"Execute command {GoText.Quote(spec.Command[0])}";
        var change = parts.Changes.New("exec", summary);
        var task = parts.Changes.AddTask(change, "exec", summary);
        parts.Changes.SetTaskStatus(task, "Doing");
        var request = new ExecRequest(spec.Command, final, workingDir, uid, user, gid, group, spec.Timeout, Stream.Null, NullIfEmpty(spec.ServiceContext));
        Calls.Add(new ExecCall(spec.Command.ToList(), uid, gid, workingDir, final, NullIfEmpty(spec.ServiceContext)));
        var session = new ExecSession(task, request, handler, spec.SplitStderr);
        task.OnAbort = () => session.Kill();
        return session;
    }

    /// <summary>Fails an exec whose websockets never connected (no exit code, §7.3).</summary>
    public void FailNotConnected(ExecSession session)
    {
        lock (parts.Gate)
        {
            if (session.Task.Status == "Doing")
            {
                parts.Changes.FailTask(session.Task, $"exec {session.Task.Id}: timeout waiting for websocket connections: context deadline exceeded");
            }
        }
    }

    /// <summary>Runs the handler with the client's stdin and settles the task: exit code, or Error on timeout/failure.
    /// Returns null when the task errored.</summary>
    public async Task<ExecResult?> RunAsync(ExecSession session, Stream stdin)
    {
        using var timeout = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, session.Killed);
        var limit = session.Request.Timeout is { } t && t > TimeSpan.Zero ? t : (TimeSpan?)null;
        ExecResult? result = null;
        string? error = null;
        try
        {
            var running = session.Handler(session.Request with { Stdin = stdin }, linked.Token);
            result = limit is { } l ? await running.WaitAsync(l, parts.Time).ConfigureAwait(false) : await running.ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await timeout.CancelAsync().ConfigureAwait(false);
            error = $"timed out after {GoDuration.Format(limit!.Value)}: context deadline exceeded";
        }
        catch (OperationCanceledException) when (session.Killed.IsCancellationRequested)
        {
            // As Pebble reports a process killed by a signal: 128 + the signal's number (143 for SIGTERM).
            result = new ExecResult(128 + session.KillSignal, ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty);
        }
#pragma warning disable CA1031 // A handler's failure is the simulated process failing to launch.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error = e.Message;
        }

        lock (parts.Gate)
        {
            var task = session.Task;
            if (task.Status == "Abort")
            {
                parts.Changes.SetTaskStatus(task, "Undone");
            }
            else if (error is not null)
            {
                task.ExitCode = -1;
                parts.Changes.FailTask(task, error);
            }
            else
            {
                task.ExitCode = result!.ExitCode;
                parts.Changes.SetTaskStatus(task, "Done");
            }
        }

        return error is null ? result : null;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
