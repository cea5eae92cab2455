using System.Diagnostics;

namespace Charmarr.Shared;

/// <summary>
/// What the template's end-to-end test and the benchmark both need to build a charm from locally packed packages: the
/// <c>dotnet</c> CLI started as a user would start it, and a NuGet.config that adds the local feed. Compiled into both
/// (linked source), since one is a test project and the other a tool.
/// </summary>
internal static class LocalPackageFeed
{
    /// <summary>A start for <paramref name="program"/> with both output streams redirected, with the caller's MSBuild
    /// variables removed (<c>dotnet run</c> and <c>dotnet test</c> hand theirs down, and they would steer the child's
    /// build) and the CLI's first-run chatter off.</summary>
    /// <param name="program">The program, e.g. <c>dotnet</c> or an installed tool's command.</param>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <returns>The start information; the caller adds what it needs and starts it.</returns>
    public static ProcessStartInfo DotnetStart(string program, string workingDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        return start;
    }

    /// <summary>A NuGet.config that adds <paramref name="feed"/> to the machine's sources; packages restore into
    /// <paramref name="packagesFolder"/>, reading the machine's cache first so nothing already there is downloaded again.</summary>
    /// <param name="feed">The local feed folder.</param>
    /// <param name="packagesFolder">The run's own global packages folder.</param>
    /// <returns>The file's text.</returns>
    public static string NuGetConfig(string feed, string packagesFolder)
    {
        var machineCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packagesFolder}" />
              </config>
              <packageSources>
                <add key="charmarr-local" value="{feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{machineCache}" />
              </fallbackPackageFolders>
            </configuration>
            """;
    }
}
