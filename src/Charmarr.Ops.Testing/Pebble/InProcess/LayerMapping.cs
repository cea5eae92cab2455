using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Pebble.Layers;

namespace Charmarr.Ops.Testing.Pebble.InProcess;

/// <summary>Between the contract's typed layers and the simulator's plan model (no YAML round trip).</summary>
internal static class LayerMapping
{
    public static PlanLayer ToPlanLayer(string label, PebbleLayer layer)
    {
        var result = new PlanLayer { Label = label, Summary = layer.Summary ?? "", Description = layer.Description ?? "" };
        foreach (var (name, s) in layer.Services)
        {
            result.Services[name] = new ServiceConfig
            {
                Name = name,
                Summary = s.Summary ?? "",
                Description = s.Description ?? "",
                Startup = s.Startup?.Value ?? "",
                Override = Override(s.Override),
                Command = s.Command ?? "",
                After = [.. s.After ?? []],
                Before = [.. s.Before ?? []],
                Requires = [.. s.Requires ?? []],
                Workload = s.Workload ?? "",
                Environment = Map(s.Environment),
                UserId = Int(s.UserId),
                User = s.User ?? "",
                GroupId = Int(s.GroupId),
                Group = s.Group ?? "",
                WorkingDir = s.WorkingDir ?? "",
                OnSuccess = Action(s.OnSuccess),
                OnFailure = Action(s.OnFailure),
                OnCheckFailure = new(
                    (s.OnCheckFailure ?? new Dictionary<string, PebbleServiceAction>()).ToDictionary(kv => kv.Key, kv => Action(kv.Value)),
                    StringComparer.Ordinal),
                BackoffDelay = s.BackoffDelay,
                BackoffFactor = s.BackoffFactor,
                BackoffLimit = s.BackoffLimit,
                KillDelay = s.KillDelay,
            };
        }

        foreach (var (name, c) in layer.Checks)
        {
            result.Checks[name] = new CheckConfig
            {
                Name = name,
                Override = Override(c.Override),
                Level = c.Level?.Value ?? "",
                Startup = c.Startup?.Value ?? "",
                Period = c.Period,
                Timeout = c.Timeout,
                Threshold = c.Threshold ?? 0,
                Http = c.Http is null ? null : new HttpCheckConfig { Url = c.Http.Url ?? "", Headers = Map(c.Http.Headers) },
                Tcp = c.Tcp is null ? null : new TcpCheckConfig { Port = c.Tcp.Port ?? 0, Host = c.Tcp.Host ?? "" },
                Exec = c.Exec is null ? null : new ExecCheckConfig
                {
                    Command = c.Exec.Command ?? "",
                    ServiceContext = c.Exec.ServiceContext ?? "",
                    Environment = Map(c.Exec.Environment),
                    UserId = Int(c.Exec.UserId),
                    User = c.Exec.User ?? "",
                    GroupId = Int(c.Exec.GroupId),
                    Group = c.Exec.Group ?? "",
                    WorkingDir = c.Exec.WorkingDir ?? "",
                },
            };
        }

        foreach (var (name, t) in layer.LogTargets)
        {
            result.LogTargets[name] = new LogTargetConfig
            {
                Name = name,
                Type = t.Type ?? "",
                Location = t.Location ?? "",
                Services = [.. t.Services ?? []],
                Override = Override(t.Override),
                Labels = Map(t.Labels),
            };
        }

        return result;
    }

    public static PebblePlan ToPebblePlan(PlanLayer plan, string yaml) => new()
    {
        Yaml = yaml,
        Services = plan.Services.ToDictionary(kv => kv.Key, kv => ToPebbleService(kv.Value)),
        Checks = plan.Checks.ToDictionary(kv => kv.Key, kv => ToPebbleCheck(kv.Value)),
        LogTargets = plan.LogTargets.ToDictionary(kv => kv.Key, kv => new PebbleLogTarget
        {
            Override = Override(kv.Value.Override),
            Type = kv.Value.Type,
            Location = kv.Value.Location,
            Services = [.. kv.Value.Services],
            Labels = Optional(kv.Value.Labels),
        }),
    };

    private static PebbleService ToPebbleService(ServiceConfig s) => new()
    {
        Override = Override(s.Override),
        Summary = Text(s.Summary),
        Description = Text(s.Description),
        Startup = s.Startup.Length > 0 ? new ServiceStartup(s.Startup) : null,
        Command = Text(s.Command),
        After = s.After.Count > 0 ? [.. s.After] : null,
        Before = s.Before.Count > 0 ? [.. s.Before] : null,
        Requires = s.Requires.Count > 0 ? [.. s.Requires] : null,
        Environment = Optional(s.Environment),
        UserId = s.UserId,
        User = Text(s.User),
        GroupId = s.GroupId,
        Group = Text(s.Group),
        WorkingDir = Text(s.WorkingDir),
        Workload = Text(s.Workload),
        OnSuccess = Action(s.OnSuccess),
        OnFailure = Action(s.OnFailure),
        OnCheckFailure = s.OnCheckFailure.Count > 0 ? s.OnCheckFailure.ToDictionary(kv => kv.Key, kv => Action(kv.Value)!.Value) : null,
        BackoffDelay = s.BackoffDelay,
        BackoffFactor = s.BackoffFactor,
        BackoffLimit = s.BackoffLimit,
        KillDelay = s.KillDelay,
    };

    private static PebbleCheck ToPebbleCheck(CheckConfig c) => new()
    {
        Override = Override(c.Override),
        Level = c.Level.Length > 0 ? new CheckLevel(c.Level) : null,
        Startup = c.Startup.Length > 0 ? new CheckStartup(c.Startup) : null,
        Period = c.Period,
        Timeout = c.Timeout,
        Threshold = c.Threshold == 0 ? null : c.Threshold,
        Http = c.Http is null ? null : new PebbleHttpCheck { Url = Text(c.Http.Url), Headers = Optional(c.Http.Headers) },
        Tcp = c.Tcp is null ? null : new PebbleTcpCheck { Port = c.Tcp.Port == 0 ? null : c.Tcp.Port, Host = Text(c.Tcp.Host) },
        Exec = c.Exec is null ? null : new PebbleExecCheck
        {
            Command = Text(c.Exec.Command),
            ServiceContext = Text(c.Exec.ServiceContext),
            Environment = Optional(c.Exec.Environment),
            UserId = c.Exec.UserId,
            User = Text(c.Exec.User),
            GroupId = c.Exec.GroupId,
            Group = Text(c.Exec.Group),
            WorkingDir = Text(c.Exec.WorkingDir),
        },
    };

    private static string Override(PebbleOverride? value) => value switch
    {
        PebbleOverride.Merge => "merge",
        PebbleOverride.Replace => "replace",
        _ => "",
    };

    private static PebbleOverride? Override(string value) => value switch
    {
        "merge" => PebbleOverride.Merge,
        "replace" => PebbleOverride.Replace,
        _ => null,
    };

    private static string Action(PebbleServiceAction? value) => value switch
    {
        PebbleServiceAction.Restart => "restart",
        PebbleServiceAction.Shutdown => "shutdown",
        PebbleServiceAction.FailureShutdown => "failure-shutdown",
        PebbleServiceAction.SuccessShutdown => "success-shutdown",
        PebbleServiceAction.Ignore => "ignore",
        _ => "",
    };

    private static PebbleServiceAction? Action(string value) => value switch
    {
        "restart" => PebbleServiceAction.Restart,
        "shutdown" => PebbleServiceAction.Shutdown,
        "failure-shutdown" => PebbleServiceAction.FailureShutdown,
        "success-shutdown" => PebbleServiceAction.SuccessShutdown,
        "ignore" => PebbleServiceAction.Ignore,
        _ => null,
    };

    private static int? Int(long? value) => value is { } v ? checked((int)v) : null;

    private static string? Text(string value) => value.Length > 0 ? value : null;

    private static SortedDictionary<string, string> Map(IReadOnlyDictionary<string, string>? map) =>
        new(map?.ToDictionary(kv => kv.Key, kv => kv.Value) ?? [], StringComparer.Ordinal);

    private static Dictionary<string, string>? Optional(SortedDictionary<string, string> map) =>
        map.Count > 0 ? new Dictionary<string, string>(map, StringComparer.Ordinal) : null;
}
