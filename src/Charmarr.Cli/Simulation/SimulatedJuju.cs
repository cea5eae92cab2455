using Charmarr.Ops.Context;
using Charmarr.Ops.Testing.Juju;

namespace Charmarr.Cli.Simulation;

/// <summary>
/// Which Juju <c>simulate</c> emulates: <c>3.6</c> (3.6.4, the default) or <c>4.0</c> (4.0.16), or any full 3.6+/4.x
/// version. The version sets <c>JUJU_VERSION</c> and the in-memory model's rules (no <c>leader-get</c>/<c>leader-set</c>
/// and no <c>private-address</c> from 4.0, action schemas' <c>additionalProperties</c> default, 16 MiB totals).
/// </summary>
internal static class SimulatedJuju
{
    /// <summary>The version a short form stands for.</summary>
    public static JujuVersion Resolve(string? text) => text switch
    {
        null or "" or "3.6" => MemoryJujuBackend.DefaultJujuVersion,
        "4" or "4.0" => new JujuVersion(4, 0, 16),
        _ => JujuVersion.Parse(text),
    };

    /// <summary>Returns <paramref name="text"/> when it names a Juju simulate can emulate (3.6 or later, before 5); otherwise throws what <paramref name="error"/> makes.</summary>
    public static string? Check(string? text, Func<Exception> error)
    {
        JujuVersion version;
        try
        {
            version = Resolve(text);
        }
        catch (FormatException)
        {
            throw error();
        }

        return version >= new JujuVersion(3, 6, 0) && version.Major < 5 ? text : throw error();
    }
}
