using Charmarr.Ops.Testing.Pebble.Json;

namespace Charmarr.Ops.Testing.Pebble.Layers;

/// <summary>Pebble's validation rules: those checked on each layer as it is parsed, and those checked on the combined plan.</summary>
internal static class LayerValidator
{
    private static readonly string[] SuccessActions = ["", "restart", "shutdown", "failure-shutdown", "ignore"];
    private static readonly string[] FailureActions = ["", "restart", "shutdown", "success-shutdown", "ignore"];
    private static readonly string[] TargetTypes = ["loki", "opentelemetry", "syslog"];

    public static void ValidateLayer(PlanLayer layer)
    {
        foreach (var name in layer.NullServices.Concat(layer.Services.Keys).Order(StringComparer.Ordinal))
        {
            Require(name.Length > 0, "cannot use empty string as service name");
            Require(name != "pebble", $"cannot use reserved service name {Q(name)}");
            Require(!name.StartsWith('-'), $"cannot use service name {Q(name)}: starting with \"-\" not allowed");
            Require(!layer.NullServices.Contains(name), $"service object cannot be null for service {Q(name)}");
            ValidateService(layer.Services[name]);
        }

        foreach (var name in layer.NullChecks.Concat(layer.Checks.Keys).Order(StringComparer.Ordinal))
        {
            Require(name.Length > 0, "cannot use empty string as check name");
            Require(!layer.NullChecks.Contains(name), $"check object cannot be null for check {Q(name)}");
            ValidateCheck(layer.Checks[name]);
        }

        foreach (var name in layer.NullLogTargets.Concat(layer.LogTargets.Keys).Order(StringComparer.Ordinal))
        {
            Require(name.Length > 0, "cannot use empty string as log target name");
            Require(!layer.NullLogTargets.Contains(name), $"log target object cannot be null for log target {Q(name)}");
            var target = layer.LogTargets[name];
            Require(
                target.Type.Length == 0 || TargetTypes.Contains(target.Type),
                $"log target {Q(name)} has unsupported type {Q(target.Type)}, must be \"loki\", \"opentelemetry\" or \"syslog\"");
            foreach (var label in target.Labels.Keys)
            {
                Require(!label.StartsWith("pebble_", StringComparison.Ordinal),
                    $"log target {Q(name)}: label {Q(label)} uses reserved prefix \"pebble_\"");
            }
        }
    }

    private static void ValidateService(ServiceConfig service)
    {
        var name = service.Name;
        if (service.Command.Length > 0 && ShellWords.CommandError(name, service.Command) is { } commandError)
        {
            throw new LayerException($"plan service {Q(name)} command invalid: {commandError}");
        }

        Require(SuccessActions.Contains(service.OnSuccess), $"plan service {Q(name)} on-success action {Q(service.OnSuccess)} invalid");
        Require(FailureActions.Contains(service.OnFailure), $"plan service {Q(name)} on-failure action {Q(service.OnFailure)} invalid");
        foreach (var action in service.OnCheckFailure.Values)
        {
            Require(FailureActions.Contains(action), $"plan service {Q(name)} on-check-failure action {Q(action)} invalid");
        }

        if (service.BackoffFactor is { } factor && factor < 1)
        {
            throw new LayerException($"plan service {Q(name)} backoff-factor must be 1.0 or greater, not {GoFloat(factor)}");
        }
    }

    private static void ValidateCheck(CheckConfig check)
    {
        var name = check.Name;
        Require(check.Level is "" or "alive" or "ready", $"plan check {Q(name)} level must be \"alive\" or \"ready\"");
        Require(check.Startup is "" or "enabled" or "disabled", $"plan check {Q(name)} startup must be \"enabled\" or \"disabled\"");
        Require(check.Period != TimeSpan.Zero, $"plan check {Q(name)} period must not be zero");
        Require(check.Timeout != TimeSpan.Zero, $"plan check {Q(name)} timeout must not be zero");
    }

    /// <summary>Validates the combined plan and fills the defaults the plan shows (a check's threshold).</summary>
    public static void ValidatePlan(PlanLayer plan)
    {
        foreach (var (name, service) in plan.Services)
        {
            Require(service.Command.Length > 0, $"plan must define \"command\" for service {Q(name)}");
        }

        foreach (var (name, check) in plan.Checks)
        {
            if (check.Threshold == 0)
            {
                check.Threshold = 3;
            }

            var types = 0;
            if (check.Http is not null)
            {
                Require(check.Http.Url.Length > 0, $"plan must set \"url\" for http check {Q(name)}");
                types++;
            }

            if (check.Tcp is not null)
            {
                Require(check.Tcp.Port != 0, $"plan must set \"port\" for tcp check {Q(name)}");
                types++;
            }

            if (check.Exec is not null)
            {
                Require(check.Exec.Command.Length > 0, $"plan must set \"command\" for exec check {Q(name)}");
                Require(check.Exec.ServiceContext.Length == 0 || plan.Services.ContainsKey(check.Exec.ServiceContext),
                    $"plan check {Q(name)} service context specifies non-existent service {Q(check.Exec.ServiceContext)}");
                types++;
            }

            Require(types == 1, $"plan must specify one of \"http\", \"tcp\", or \"exec\" for check {Q(name)}");
        }

        foreach (var (name, target) in plan.LogTargets)
        {
            Require(target.Type.Length > 0,
                $"plan must define \"type\" (\"loki\", \"opentelemetry\" or \"syslog\") for log target {Q(name)}");
            foreach (var service in target.Services)
            {
                var bare = service.StartsWith('-') ? service[1..] : service;
                Require(bare == "all" || plan.Services.ContainsKey(bare), $"log target {Q(name)} specifies unknown service {Q(bare)}");
            }

            Require(target.Location.Length > 0, $"plan must define \"location\" for log target {Q(name)}");
        }

        ServiceOrder.Resolve(plan.Services, plan.Services.Keys.ToList(), stop: false);
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new LayerException(message);
        }
    }

    private static string Q(string text) => GoText.Quote(text);

    private static string GoFloat(double value) => value.ToString("G", System.Globalization.CultureInfo.InvariantCulture);
}
