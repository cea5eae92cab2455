using Charmarr.Ops.Context;

namespace Charmarr.Ops.Hosting;

/// <summary>Holds the Juju context of the dispatch a dependency-injection scope serves.</summary>
internal sealed class DispatchScope
{
    private JujuContext? context;

    public JujuContext Context
    {
        get => context ?? throw new InvalidOperationException("per-dispatch services can only be resolved inside a dispatch");
        set => context = value;
    }
}
