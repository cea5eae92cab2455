using Charmarr.Ops.Context;

namespace Charmarr.Ops.Tracing;

/// <summary>What <c>UseCharmTracing</c> configured: where tracing keeps its files, how it exports, its bounds.</summary>
internal sealed class CharmTracingOptions
{
    /// <summary>The tracing directory when set; by default <c>$JUJU_CHARM_DIR/../.charmarr-tracing</c>.</summary>
    public string? Directory { get; set; }

    public ITraceExporter Exporter { get; set; } = OtlpHttpExporter.Instance;

    public TracingLimits Limits { get; set; } = TracingLimits.Default;

    /// <summary>The directory for a dispatch: the unit's agent directory (the charm directory's parent), outside the
    /// charm directory that upgrade-charm replaces.</summary>
    public string DirectoryFor(JujuContext context) =>
        Directory ?? Path.GetFullPath(Path.Combine(context.CharmDir, "..", TracingDestinationStore.DirectoryName));
}
