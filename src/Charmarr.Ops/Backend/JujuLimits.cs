namespace Charmarr.Ops.Backend;

/// <summary>Sizes Juju refuses beyond, shared by every backend and by the stores built on them.</summary>
public static class JujuLimits
{
    /// <summary>The longest key <c>state-set</c> accepts, in bytes of UTF-8.</summary>
    public const int MaxStateKeyBytes = 256;

    /// <summary>The most bytes of UTF-8 <c>state-set</c> keeps under one key.</summary>
    public const int MaxStateValueBytes = 65536;
}
