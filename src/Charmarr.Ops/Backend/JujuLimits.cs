namespace Charmarr.Ops.Backend;

/// <summary>Sizes Juju refuses beyond, shared by every backend and by the stores built on them.</summary>
public static class JujuLimits
{
    /// <summary>The longest key <c>state-set</c> accepts, in bytes of UTF-8.</summary>
    public const int MaxStateKeyBytes = 256;

    /// <summary>The most bytes of UTF-8 <c>state-set</c> keeps under one key.</summary>
    public const int MaxStateValueBytes = 65536;

    /// <summary>
    /// The most bytes the keys and values of one relation bag may hold together on Juju 4.0 and later
    /// (<c>quota.MaxRelationSettingsSize</c>, 16 MiB, counted as the raw bytes of each key plus its value).
    /// </summary>
    public const int MaxRelationSettingsBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The most bytes the keys and values of an application's charm config may hold together on Juju 4.0 and later
    /// (<c>quota.MaxApplicationConfigSize</c>, 16 MiB, counted as for <see cref="MaxRelationSettingsBytes"/>).
    /// </summary>
    public const int MaxApplicationConfigBytes = 16 * 1024 * 1024;
}
