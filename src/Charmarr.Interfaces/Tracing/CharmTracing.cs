using Charmarr.Ops.Framework;
using Charmarr.Ops.Tracing;
using Microsoft.Extensions.Logging;

namespace Charmarr.Interfaces.Tracing;

/// <summary>
/// Charm tracing on a <c>tracing</c> endpoint, as Python's <c>ops.tracing.Tracing(charm, tracing_relation_name)</c>:
/// requests an <c>otlp_http</c> receiver (a <see cref="TracingRequirer"/>) and, whenever the relation's data change,
/// saves the receiver's URL as the charm's tracing destination (<see cref="TracingDestinationStore.SetDestination"/>), or
/// clears it when the relation is broken or offers no <c>otlp_http</c> receiver. The SDK does the rest: from the next
/// dispatch on, spans are recorded and exported. Needs
/// <c>CharmAppBuilder.UseCharmTracing()</c> in the charm's program.
/// </summary>
/// <example>
/// <code>
/// // In the charm's constructor; the endpoint is declared in charmcraft.yaml with interface: tracing, limit: 1.
/// _ = new CharmTracing(this, "charm-tracing");
/// </code>
/// </example>
public sealed class CharmTracing : CharmComponent
{
    /// <summary>The receiver protocol charm traces are sent with.</summary>
    public const string Protocol = "otlp_http";

    /// <summary>Creates the component.</summary>
    /// <param name="parent">The charm or component that owns it.</param>
    /// <param name="endpoint">The <c>tracing</c> endpoint (a single relation: <c>limit: 1</c>).</param>
    /// <exception cref="InvalidOperationException">The charm's program did not call <c>UseCharmTracing()</c>.</exception>
    public CharmTracing(CharmObject parent, string endpoint = "charm-tracing")
        : base(parent, endpoint)
    {
        if (!Framework.Tracing.IsEnabled)
        {
            throw new InvalidOperationException(
                $"CharmTracing on '{endpoint}' needs charm tracing enabled: call UseCharmTracing() on the CharmAppBuilder in the charm's program");
        }

        Requirer = new TracingRequirer(this, [Protocol], endpoint);
        Observe<RelationInterfaceChangedEvent>(endpoint, _ => Update());
    }

    /// <summary>The requirer on the endpoint: the receivers the provider published.</summary>
    public TracingRequirer Requirer { get; }

    /// <summary>Saves the relation's <c>otlp_http</c> receiver as the destination, or clears it when there is none.</summary>
    public void Update()
    {
        var url = Requirer.GetEndpoint(Protocol);
        if (url is null)
        {
            Framework.Tracing.ClearDestination();
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            Logger.LogWarning("{Endpoint}: the otlp_http receiver '{Url}' is not an http(s) URL; charm traces are not sent", Requirer.Endpoint, url);
            Framework.Tracing.ClearDestination();
            return;
        }

        Framework.Tracing.SetDestination(new TracingDestination(uri));
    }
}
