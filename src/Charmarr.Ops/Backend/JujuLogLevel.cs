namespace Charmarr.Ops.Backend;

/// <summary>The levels <c>juju-log --log-level</c> accepts.</summary>
public enum JujuLogLevel
{
    /// <summary>TRACE.</summary>
    Trace,

    /// <summary>DEBUG.</summary>
    Debug,

    /// <summary>INFO.</summary>
    Info,

    /// <summary>WARNING.</summary>
    Warning,

    /// <summary>ERROR.</summary>
    Error,

    /// <summary>CRITICAL.</summary>
    Critical,
}
