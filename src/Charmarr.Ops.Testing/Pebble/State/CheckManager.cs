using Charmarr.Ops.Testing.Pebble.Json;
using Charmarr.Ops.Testing.Pebble.Layers;

namespace Charmarr.Ops.Testing.Pebble.State;

/// <summary>
/// Health checks (§2.8, §3.10, §7.2). Checks never probe anything: the test reports each run's result, which drives
/// the perform-check / recover-check changes and their change-update notices. Callers hold the simulator's lock.
/// </summary>
internal sealed class CheckManager(SimulatorParts parts)
{
    private readonly Dictionary<string, CheckRuntime> checks = new(StringComparer.Ordinal);

    public List<SimulatedCheckInfo> List(string? level, IReadOnlyCollection<string> names) =>
        checks.Values
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Where(c => names.Count == 0 || names.Contains(c.Name))
            .Where(c => level is null || c.Config.Level == level)
            .Select(c => c.Info())
            .ToList();

    /// <summary>Brings the checks in line with a new plan: removed or modified checks stop, new or modified enabled ones start.</summary>
    public void PlanChanged()
    {
        var plan = parts.Layers.Plan.Checks;
        foreach (var name in checks.Keys.ToList())
        {
            if (!plan.TryGetValue(name, out var config) || Fingerprint(config) != checks[name].Fingerprint)
            {
                EndChange(checks[name]);
                checks.Remove(name);
            }
        }

        foreach (var (name, config) in plan)
        {
            if (!checks.ContainsKey(name))
            {
                var runtime = new CheckRuntime(name, config.Copy(), Fingerprint(config));
                checks[name] = runtime;
                if (config.IsEnabled)
                {
                    Begin(runtime);
                }
            }
        }
    }

    /// <summary>Replan: enabled checks that are not running start.</summary>
    public void StartEnabledChecks()
    {
        foreach (var runtime in checks.Values.Where(c => c.Config.IsEnabled && c.Change is null))
        {
            Begin(runtime);
        }
    }

    /// <summary><c>POST /v1/checks</c>: returns the sorted names actually started or stopped.</summary>
    public List<string> Act(string action, IReadOnlyList<string> names)
    {
        if (action is not ("start" or "stop"))
        {
            throw SimulatedPebbleException.BadRequest($"invalid action {GoText.Quote(action)}");
        }

        if (names.Count == 0)
        {
            throw SimulatedPebbleException.BadRequest($"must specify checks for {action} action");
        }

        var missing = names.Where(n => !checks.ContainsKey(n)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw SimulatedPebbleException.BadRequest($"cannot {action} checks: cannot find checks in plan: {string.Join(", ", missing)}");
        }

        var changed = new List<string>();
        foreach (var runtime in names.Distinct().Select(n => checks[n]))
        {
            if (action == "start" && runtime.Change is null)
            {
                runtime.Successes = 0;
                runtime.Failures = 0;
                Begin(runtime);
                changed.Add(runtime.Name);
            }
            else if (action == "stop" && runtime.Change is not null)
            {
                EndChange(runtime);
                runtime.Status = "inactive";
                changed.Add(runtime.Name);
            }
        }

        return changed.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Test hook: one run of the check succeeded or failed.</summary>
    public void Report(string name, bool success, string? error)
    {
        if (!checks.TryGetValue(name, out var runtime) || runtime.Change is not { } change)
        {
            throw new InvalidOperationException($"check \"{name}\" is not running");
        }

        var task = change.Tasks[0];
        if (success)
        {
            runtime.Successes++;
            runtime.Failures = 0;
            if (change.Kind == "recover-check")
            {
                parts.Changes.SetTaskStatus(task, "Done");
                runtime.PrevChangeId = change.Id;
                runtime.Status = "up";
                StartChange(runtime, "perform-check");
            }

            return;
        }

        runtime.Failures++;
        var message = error ?? "check failed";
        if (change.Kind == "perform-check" && runtime.Failures >= runtime.Config.Threshold)
        {
            parts.Changes.FailTask(task, message);
            runtime.PrevChangeId = change.Id;
            runtime.Status = "down";
            parts.Services.RestartForCheck(name);
            StartChange(runtime, "recover-check");
        }
        else
        {
            task.AddLog(parts.Changes.Now, "INFO", message);
        }
    }

    private void Begin(CheckRuntime runtime)
    {
        runtime.Status = "up";
        StartChange(runtime, "perform-check");
    }

    private void StartChange(CheckRuntime runtime, string kind)
    {
        var verb = kind == "perform-check" ? "Perform" : "Recover";
        var type = runtime.Config.Http is not null ? "HTTP" : runtime.Config.Tcp is not null ? "TCP" : "exec";
        var summary = $"{verb} {type} check {GoText.Quote(runtime.Name)}";
        var change = parts.Changes.New(kind, summary, noticeData: new Dictionary<string, string> { ["check-name"] = runtime.Name });
        var task = parts.Changes.AddTask(change, kind, summary);
        parts.Changes.SetTaskStatus(task, "Doing");
        runtime.Change = change;
        task.OnAbort = () => Aborted(runtime, task);
    }

    // An aborted check change stops the check.
    private void Aborted(CheckRuntime runtime, TaskEntity task)
    {
        parts.Changes.SetTaskStatus(task, "Undone");
        if (runtime.Change == task.Change)
        {
            runtime.PrevChangeId = task.Change.Id;
            runtime.Change = null;
            runtime.Status = "inactive";
        }
    }

    // A stopped check's change ends Done (§7.2). Pebble v1.32.1 aborts the running check task, which winds down and
    // is marked done: measured, that records three more change-update occurrences (Abort, Doing, Done), so the
    // simulator passes through the same statuses.
    private void EndChange(CheckRuntime runtime)
    {
        if (runtime.Change is { } change)
        {
            foreach (var task in change.Tasks.Where(t => !ChangeEntity.IsReadyStatus(t.Status)).ToList())
            {
                parts.Changes.SetTaskStatus(task, "Abort");
                parts.Changes.SetTaskStatus(task, "Doing");
                parts.Changes.SetTaskStatus(task, "Done");
            }

            // Pebble v1.32.1 reports neither change-id nor prev-change-id for a stopped check.
            runtime.PrevChangeId = null;
            runtime.Change = null;
        }
    }

    private static string Fingerprint(CheckConfig config)
    {
        var plan = new PlanLayer();
        plan.Checks[config.Name] = config;
        return PlanYamlWriter.Render(plan);
    }

    private sealed class CheckRuntime(string name, CheckConfig config, string fingerprint)
    {
        public string Name { get; } = name;
        public CheckConfig Config { get; } = config;
        public string Fingerprint { get; } = fingerprint;
        public string Status { get; set; } = "inactive";
        public int Successes { get; set; }
        public int Failures { get; set; }
        public ChangeEntity? Change { get; set; }
        public string? PrevChangeId { get; set; }

        public SimulatedCheckInfo Info() => new(
            Name, Config.Level, Config.IsEnabled ? "enabled" : "disabled", Status, Successes, Failures,
            Config.Threshold, Change?.Id, PrevChangeId);
    }
}
