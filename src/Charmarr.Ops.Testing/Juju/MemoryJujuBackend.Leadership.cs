namespace Charmarr.Ops.Testing.Juju;

public sealed partial class MemoryJujuBackend
{
    /// <summary>
    /// The application's leader settings (<c>leader-get</c>/<c>leader-set</c>), which exist on Juju 3.x only. The SDK
    /// never uses them; the emulated hook tools answer them for charms that shell out to them, and on Juju 4 refuse
    /// them as the unknown commands they are there.
    /// </summary>
    internal Dictionary<string, string> LeaderSettings { get; } = new(StringComparer.Ordinal);
}
