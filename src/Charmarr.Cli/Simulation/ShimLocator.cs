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
        return File.Exists(path)
            ? path
            : throw new CliException($"the hook-tool shim is missing at {path}; rebuild the tool (dotnet build src/Charmarr.Cli), which publishes it with Native AOT, or set {OverrideVariable}");
    }
}
