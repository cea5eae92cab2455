namespace Charmarr.Ops.Framework;

/// <summary>
/// The base of a charm class. A fresh instance is built by dependency injection for every dispatch; its constructor
/// registers handlers with the <c>Observe</c> methods and may take any registered service as a parameter.
/// </summary>
/// <example>
/// <code>
/// public sealed class MyCharm : CharmBase
/// {
///     public MyCharm(CharmFramework framework) : base(framework)
///     {
///         Observe&lt;ConfigChangedEvent&gt;(OnConfigChanged);
///         Observe&lt;CollectUnitStatusEvent&gt;(e =&gt; e.AddStatus(Status.Active()));
///     }
///
///     private void OnConfigChanged(ConfigChangedEvent e) =&gt; Logger.LogInformation("config changed");
/// }
/// </code>
/// </example>
public abstract class CharmBase : CharmObject
{
    /// <summary>Creates the charm.</summary>
    /// <param name="framework">The dispatch's framework (injected).</param>
    protected CharmBase(CharmFramework framework)
        : base(framework)
    {
    }

    /// <summary>The charm's class name.</summary>
    public override string Path => GetType().Name;
}
