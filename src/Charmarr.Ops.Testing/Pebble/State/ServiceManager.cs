using Charmarr.Ops.Testing.Pebble.Json;
using Charmarr.Ops.Testing.Pebble.Layers;

namespace Charmarr.Ops.Testing.Pebble.State;

/// <summary>
/// Services of the plan and what start, stop, restart, replan and autostart do to them (§2.5, §3.8, §3.9, §7.6).
/// Tasks run at once, inside the request; callers hold the simulator's lock.
/// </summary>
internal sealed class ServiceManager(SimulatorParts parts)
{
    private static readonly string[] SignalNames =
    [
        "SIGABRT", "SIGALRM", "SIGBUS", "SIGCHLD", "SIGCONT", "SIGFPE", "SIGHUP", "SIGILL", "SIGINT", "SIGIO", "SIGKILL",
        "SIGPIPE", "SIGPROF", "SIGPWR", "SIGQUIT", "SIGSEGV", "SIGSTKFLT", "SIGSTOP", "SIGSYS", "SIGTERM", "SIGTRAP",
        "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGUSR1", "SIGUSR2", "SIGVTALRM", "SIGWINCH", "SIGXCPU", "SIGXFSZ",
    ];

    private readonly Dictionary<string, ServiceRuntime> runtimes = new(StringComparer.Ordinal);

    private IReadOnlyDictionary<string, ServiceConfig> Plan => parts.Layers.Plan.Services;

    /// <summary>Signals sent to services, in order (service, signal name).</summary>
    public List<(string Service, string Signal)> SentSignals { get; } = [];

    public List<SimulatedServiceInfo> List(IReadOnlyCollection<string> names) =>
        Plan.Values
            .Where(s => names.Count == 0 || names.Contains(s.Name))
            .Select(s => Info(s.Name))
            .ToList();

    public SimulatedServiceInfo Info(string name)
    {
        var runtime = runtimes.GetValueOrDefault(name);
        var startup = Plan.TryGetValue(name, out var config) && config.IsEnabled ? "enabled" : "disabled";
        return new SimulatedServiceInfo(name, startup, runtime?.Current ?? "inactive", runtime?.CurrentSince);
    }

    public bool IsActive(string name) => runtimes.GetValueOrDefault(name)?.State == ServiceState.Active;

    /// <summary><c>POST /v1/services</c>: builds the change, runs its tasks, returns it.</summary>
    public ChangeEntity Act(string action, IReadOnlyList<string> requested)
    {
        var names = requested.ToList();
        switch (action)
        {
            case "replan" or "autostart" when names.Count != 0:
                throw SimulatedPebbleException.BadRequest($"{action} accepts no service names");
            case "autostart":
                names = Plan.Values.Where(s => s.IsEnabled).Select(s => s.Name).ToList();
                if (names.Count == 0)
                {
                    throw SimulatedPebbleException.BadRequest("no default services", "no-default-services");
                }

                break;
            case "replan":
                break;
            default:
                if (names.Count == 0)
                {
                    throw SimulatedPebbleException.BadRequest($"must specify services for {action} action");
                }

                break;
        }

        List<List<string>> stopLanes = [], startLanes = [];
        List<string> counted;
        try
        {
            switch (action)
            {
                case "start" or "autostart":
                    startLanes = ServiceOrder.Resolve(Plan, names, stop: false);
                    counted = startLanes.SelectMany(l => l).ToList();
                    break;
                case "stop":
                    stopLanes = ServiceOrder.Resolve(Plan, names, stop: true);
                    counted = stopLanes.SelectMany(l => l).ToList();
                    break;
                case "restart":
                    stopLanes = ServiceOrder.Resolve(Plan, names, stop: true)
                        .Select(l => l.Where(names.Contains).ToList()).Where(l => l.Count > 0).ToList();
                    startLanes = ServiceOrder.Resolve(Plan, names, stop: false);
                    counted = startLanes.SelectMany(l => l).ToList();
                    break;
                case "replan":
                    (stopLanes, startLanes) = Replan();
                    names = stopLanes.Concat(startLanes).SelectMany(l => l).Distinct().Order(StringComparer.Ordinal).ToList();
                    counted = names;
                    parts.Checks.StartEnabledChecks();
                    break;
                default:
                    throw SimulatedPebbleException.BadRequest($"invalid action {GoText.Quote(action)}");
            }
        }
        catch (LayerException e)
        {
            throw SimulatedPebbleException.BadRequest($"cannot {action} services: {e.Message}");
        }

        var title = char.ToUpperInvariant(action[0]) + action[1..];
        if (stopLanes.Count == 0 && startLanes.Count == 0)
        {
            var empty = parts.Changes.New(action, $"{title} - no services");
            parts.Changes.SetChangeStatus(empty, "Done");
            return empty;
        }

        var summary = counted.Count == 1
            ? $"{title} service {GoText.Quote(names[0])}"
            : $"{title} service {GoText.Quote(names[0])} and {counted.Count - 1} more";
        var change = parts.Changes.New(action, summary, names);
        var stopTasks = AddTasks(change, stopLanes, "stop", "Stop");
        var startTasks = AddTasks(change, startLanes, "start", "Start");
        var stopsFailed = RunLanes(stopTasks, Stop);
        if (stopsFailed)
        {
            startTasks.SelectMany(l => l).ToList().ForEach(t => parts.Changes.SetTaskStatus(t, "Hold"));
        }
        else
        {
            RunLanes(startTasks, Start);
        }

        return change;
    }

    private List<List<TaskEntity>> AddTasks(ChangeEntity change, List<List<string>> lanes, string kind, string verb) =>
        lanes.Select(lane => lane.Select(name =>
        {
            var task = parts.Changes.AddTask(change, kind, $"{verb} service {GoText.Quote(name)}");
            task.ServiceName = name;
            return task;
        }).ToList()).ToList();

    // Tasks of a lane run in order and a failure holds the rest of its lane; returns whether any task failed.
    private bool RunLanes(List<List<TaskEntity>> lanes, Action<TaskEntity> run)
    {
        var failed = false;
        foreach (var lane in lanes)
        {
            var laneFailed = false;
            foreach (var task in lane)
            {
                if (laneFailed)
                {
                    parts.Changes.SetTaskStatus(task, "Hold");
                    continue;
                }

                parts.Changes.SetTaskStatus(task, "Doing");
                run(task);
                laneFailed = task.Status == "Error";
            }

            failed |= laneFailed;
        }

        return failed;
    }

    private (List<List<string>> Stop, List<List<string>> Start) Replan()
    {
        var restart = new List<string>();
        foreach (var runtime in runtimes.Values.Where(r => r.TrackedConfig is not null))
        {
            if (Plan.TryGetValue(runtime.Name, out var config) && ServiceRuntime.Fingerprint(config) != runtime.TrackedConfig)
            {
                restart.Add(runtime.Name);
                runtime.TrackedConfig = ServiceRuntime.Fingerprint(config);
            }
        }

        var start = Plan.Values.Where(s => restart.Contains(s.Name) || s.IsEnabled).Select(s => s.Name).ToList();
        return (ServiceOrder.Resolve(Plan, restart, stop: true), ServiceOrder.Resolve(Plan, start, stop: false));
    }

    private void Start(TaskEntity task)
    {
        var name = task.ServiceName!;
        var runtime = Runtime(name);
        var config = Plan[name];
        var now = parts.Changes.Now;
        if (runtime.State == ServiceState.Active)
        {
            runtime.TrackedConfig = ServiceRuntime.Fingerprint(config);
            task.AddLog(now, "INFO", $"Service {GoText.Quote(name)} already started.");
            parts.Changes.SetTaskStatus(task, "Done");
            return;
        }

        runtime.BackoffTimer?.Cancel();
        runtime.TrackedConfig = ServiceRuntime.Fingerprint(config);
        if (runtime.FailNextStart is { } failure)
        {
            runtime.FailNextStart = null;
            parts.Logs.Write(name, failure.Output);
            var action = AfterExit(runtime, config, failure.ExitCode);
            var recent = parts.Logs.Recent(name, 20);
            if (recent.Count > 0)
            {
                task.AddLog(now, "INFO", "Most recent service output:\n" + string.Join("\n", recent.Select(l => "    " + l)));
            }

            parts.Changes.FailTask(task, $"service start attempt: exited quickly with code {failure.ExitCode}, will {action}");
            return;
        }

        runtime.State = ServiceState.Active;
        runtime.CurrentSince = now;
        runtime.BackoffCount = 0;
        parts.Changes.SetTaskStatus(task, "Done");
    }

    private void Stop(TaskEntity task)
    {
        var name = task.ServiceName!;
        var runtime = runtimes.GetValueOrDefault(name);
        var quoted = GoText.Quote(name);
        switch (runtime?.State ?? ServiceState.Initial)
        {
            case ServiceState.Initial:
                task.AddLog(parts.Changes.Now, "INFO", $"Service {quoted} has never been started.");
                break;
            case ServiceState.Stopped:
                task.AddLog(parts.Changes.Now, "INFO", $"Service {quoted} already stopped.");
                break;
            case ServiceState.Exited:
                task.AddLog(parts.Changes.Now, "INFO", $"Service {quoted} had already exited.");
                runtime!.State = ServiceState.Stopped;
                break;
            default:
                runtime!.BackoffTimer?.Cancel();
                runtime.State = ServiceState.Stopped;
                runtime.CurrentSince = parts.Changes.Now;
                break;
        }

        parts.Changes.SetTaskStatus(task, "Done");
    }

    /// <summary>Test hook: the running service's process exits with this code and output.</summary>
    public void Exit(string name, int exitCode, IReadOnlyList<string> output)
    {
        var runtime = runtimes.GetValueOrDefault(name);
        if (runtime?.State != ServiceState.Active)
        {
            throw new InvalidOperationException($"service \"{name}\" is not running");
        }

        parts.Logs.Write(name, output);
        AfterExit(runtime, Plan[name], exitCode);
    }

    /// <summary>Test hook: the next start of the service exits at once (within Pebble's 1 s okay delay).</summary>
    public void FailNextStart(string name, int exitCode, IReadOnlyList<string> output) =>
        Runtime(name).FailNextStart = (exitCode, output);

    /// <summary>Applies on-success/on-failure after an exit; returns the action taken.</summary>
    private string AfterExit(ServiceRuntime runtime, ServiceConfig config, int exitCode)
    {
        var action = exitCode == 0 ? config.OnSuccess : config.OnFailure;
        action = action.Length == 0 ? "restart" : action;
        runtime.CurrentSince = parts.Changes.Now;
        if (action == "restart")
        {
            runtime.State = ServiceState.Backoff;
            ScheduleRestart(runtime, config);
        }
        else
        {
            runtime.State = ServiceState.Exited;
        }

        return action;
    }

    private void ScheduleRestart(ServiceRuntime runtime, ServiceConfig config)
    {
        var delay = (config.BackoffDelay ?? TimeSpan.FromMilliseconds(500)) * Math.Pow(config.BackoffFactor ?? 2.0, runtime.BackoffCount);
        var limit = config.BackoffLimit ?? TimeSpan.FromSeconds(30);
        runtime.BackoffCount++;
        var timer = new CancellationTokenSource();
        runtime.BackoffTimer = timer;
        _ = RestartAfterAsync(runtime, delay < limit ? delay : limit, timer.Token);
    }

    private async Task RestartAfterAsync(ServiceRuntime runtime, TimeSpan delay, CancellationToken cancel)
    {
        try
        {
            await Task.Delay(delay, parts.Time, cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (parts.Gate)
        {
            if (runtime.State == ServiceState.Backoff && !cancel.IsCancellationRequested)
            {
                runtime.State = ServiceState.Active;
                runtime.CurrentSince = parts.Changes.Now;
            }
        }
    }

    /// <summary>Restarts a running service because a check it watches failed (<c>on-check-failure: restart</c>).</summary>
    public void RestartForCheck(string checkName)
    {
        foreach (var config in Plan.Values.Where(s => s.OnCheckFailure.GetValueOrDefault(checkName) == "restart"))
        {
            if (runtimes.GetValueOrDefault(config.Name) is { State: ServiceState.Active } runtime)
            {
                runtime.CurrentSince = parts.Changes.Now;
            }
        }
    }

    /// <summary><c>POST /v1/signals</c>.</summary>
    public void Signal(string signal, IReadOnlyList<string> services)
    {
        if (services.Count == 0)
        {
            throw SimulatedPebbleException.BadRequest("must specify one or more services");
        }

        var errors = new List<string>();
        foreach (var name in services)
        {
            if (!IsActive(name))
            {
                errors.Add($"cannot send signal to {GoText.Quote(name)}: service is not running");
            }
            else if (!SignalNames.Contains(signal))
            {
                errors.Add($"cannot send signal to {GoText.Quote(name)}: invalid signal name {GoText.Quote(signal)}");
            }
            else
            {
                SentSignals.Add((name, signal));
            }
        }

        if (errors.Count > 0)
        {
            throw SimulatedPebbleException.Internal(string.Join("; ", errors));
        }
    }

    private ServiceRuntime Runtime(string name) =>
        runtimes.TryGetValue(name, out var runtime) ? runtime : runtimes[name] = new ServiceRuntime(name);
}
