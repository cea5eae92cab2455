using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Model;
using Charmarr.Ops.Tracing;

namespace Charmarr.Ops.Tests.Tracing;

/// <summary>The values a traced dispatch handles and that must never reach a span.</summary>
internal static class Secrets
{
    public const string Password = "s3cr3t-Pa55w0rd-in-the-databag";
    public const string ActionResult = "s3cr3t-action-result";
    public const string SecretContent = "s3cr3t-secret-content";
    public const string ConfigValue = "s3cr3t-config-value";
}

/// <summary>Where <see cref="TracedCharm"/>'s start handler points charm tracing.</summary>
internal sealed class TracingTarget
{
    public Uri Url { get; set; } = new("http://127.0.0.1:9/");
}

/// <summary>
/// A charm whose handlers run hook tools with values that must stay private (config-changed), save (start) or clear
/// (stop) the tracing destination, and throw (update-status).
/// </summary>
internal sealed class TracedCharm : CharmBase
{
    public TracedCharm(CharmFramework framework, TracingTarget target)
        : base(framework)
    {
        Observe<ConfigChangedEvent>(OnConfigChanged);
        Observe<StartEvent>(_ => Framework.Tracing.SetDestination(new TracingDestination(target.Url)));
        Observe<StopEvent>(_ => Framework.Tracing.ClearDestination());
        Observe<UpdateStatusEvent>(_ => throw new InvalidOperationException("update-status failed on purpose"));
    }

    private void OnConfigChanged(ConfigChangedEvent e)
    {
        var backend = Model.Backend;
        _ = backend.GetConfig();
        backend.SetRelationData("db", 3, new Dictionary<string, string> { ["password"] = Secrets.Password }, isApp: true);
        backend.SetActionResults(new Dictionary<string, string> { ["token"] = Secrets.ActionResult });
        backend.SetSecret("secret:abc", new Dictionary<string, string> { ["key"] = Secrets.SecretContent }, new SecretOptions());
        Model.Unit.Status = Status.Active("ready");
    }
}
