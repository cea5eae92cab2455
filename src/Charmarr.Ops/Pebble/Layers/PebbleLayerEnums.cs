namespace Charmarr.Ops.Pebble;

/// <summary>How a layer's item combines with the same item of the layers below it.</summary>
public enum PebbleOverride
{
    /// <summary>Merge field by field (lists appended, maps merged per key).</summary>
    Merge,

    /// <summary>Replace the whole item.</summary>
    Replace,
}

/// <summary>What Pebble does when a service exits or one of its checks fails.</summary>
public enum PebbleServiceAction
{
    /// <summary>Restart it, with backoff (the default).</summary>
    Restart,

    /// <summary>Shut Pebble down (success on exit 0, failure otherwise).</summary>
    Shutdown,

    /// <summary>Shut Pebble down reporting failure.</summary>
    FailureShutdown,

    /// <summary>Shut Pebble down reporting success.</summary>
    SuccessShutdown,

    /// <summary>Do nothing.</summary>
    Ignore,
}
