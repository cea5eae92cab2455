namespace Charmarr.Cli.Simulation.RealPebble;

/// <summary><c>--pebble simulated|real</c> and <c>--pebble-binary &lt;path&gt;</c>, shared by simulate and demo.</summary>
internal static class PebbleOption
{
    public const string Usage = "[--pebble simulated|real] [--pebble-binary <path>]";

    /// <summary>Reads the options: <see langword="null"/> for the simulator (the default), else the tools for real Pebble.</summary>
    /// <param name="mode">What <c>--pebble</c> gave (default <c>simulated</c>).</param>
    /// <param name="binary">What <c>--pebble-binary</c> gave.</param>
    /// <returns>The real-Pebble tools, or <see langword="null"/>.</returns>
    /// <exception cref="CliException">An unknown mode, or a tool real Pebble needs is missing.</exception>
    public static RealPebbleTools? Read(string? mode, string? binary)
    {
        return (mode ?? "simulated") switch
        {
            "simulated" when binary is not null => throw new CliException("--pebble-binary applies to --pebble real only"),
            "simulated" => null,
            "real" => RealPebbleTools.Find(binary),
            _ => throw new CliException($"--pebble takes simulated or real, not '{mode}'"),
        };
    }
}
