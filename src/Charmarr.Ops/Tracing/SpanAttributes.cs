namespace Charmarr.Ops.Tracing;

/// <summary>The attribute keys the SDK's spans carry (Juju's in the <c>juju.*</c> namespace, as Python ops' tracing names them).</summary>
internal static class SpanAttributes
{
    public const string Unit = "juju.unit";
    public const string Application = "juju.application";
    public const string Model = "juju.model";
    public const string ModelUuid = "juju.model_uuid";
    public const string Event = "juju.event";
    public const string JujuVersion = "juju.version";
    public const string CharmName = "charm.name";
    public const string ExitCode = "process.exit_code";
    public const string Deferred = "juju.event.deferred";
    public const string Observer = "charm.observer";
    public const string HookTool = "juju.hook_tool";
    public const string HookToolArgs = "juju.hook_tool.args";
    public const string HttpMethod = "http.request.method";
    public const string PebblePath = "pebble.path";
    public const string KubernetesVerb = "k8s.verb";
    public const string KubernetesResource = "k8s.resource";
}
