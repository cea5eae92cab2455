namespace Charmarr.Cli.Simulation;

/// <summary>Finds the native hook-tool shim that ships beside the tool.</summary>
internal static class ShimLocator
{
    public const string OverrideVariable = "CHARMARR_HOOK_TOOL_SHIM";

    public static string Find()
    {
        var path = Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } overridden
            ? overridden
            : Path.Combine(AppContext.BaseDirectory, "shim", "charmarr-hook-tool");
        if (!File.Exists(path))
        {
            throw new CliException($"the hook-tool shim is missing at {path}; rebuild the tool (dotnet build src/Charmarr.Cli), which publishes it with Native AOT, or set {OverrideVariable}");
        }

        // A package extracted without Unix modes leaves the shim unrunnable, and every hook tool would fail obscurely.
        return (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0
            ? path
            : throw new CliException($"the hook-tool shim at {path} is not executable; run: chmod +x {path}");
    }
}
