namespace Charmarr.Ops.Model;

/// <summary>The workload status names Juju knows.</summary>
public enum StatusKind
{
    /// <summary>Status not yet set by the charm (<c>unknown</c>).</summary>
    Unknown,

    /// <summary>The workload is ready (<c>active</c>).</summary>
    Active,

    /// <summary>The charm needs an operator to act (<c>blocked</c>).</summary>
    Blocked,

    /// <summary>The charm is busy with work it will finish itself (<c>maintenance</c>).</summary>
    Maintenance,

    /// <summary>The charm waits on something outside its control (<c>waiting</c>).</summary>
    Waiting,

    /// <summary>A hook failed (<c>error</c>); set by Juju, never by a charm.</summary>
    Error,

    /// <summary>The unit is gone (<c>terminated</c>); reported by the model only.</summary>
    Terminated,
}
