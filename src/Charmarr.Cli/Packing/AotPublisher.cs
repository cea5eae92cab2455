using System.Diagnostics;
using System.Text;

namespace Charmarr.Cli.Packing;

/// <summary>Publishes a charm project as one Native AOT linux-x64 binary, showing progress while the compiler runs.</summary>
internal static class AotPublisher
{
    /// <summary>The MSBuild properties every charm is published with: Native AOT, trim and AOT warnings as errors, no ICU,
    /// and the size-minded switches (no stack-trace text for framework frames is kept; symbols are stripped).</summary>
    public static readonly IReadOnlyList<string> Properties =
    [
        "-p:PublishAot=true",
        "-p:TreatWarningsAsErrors=true",
        "-p:IlcTreatWarningsAsErrors=true",
        "-p:TrimmerSingleWarn=false",
        "-p:InvariantGlobalization=true",
        "-p:OptimizationPreference=Size",
        "-p:StripSymbols=true",
        "-p:UseSystemResourceKeys=true",
        // No GenerateDocumentationFile=false: the referenced libraries build into their usual bin/, and a build without
        // their XML docs has MSBuild's incremental clean delete those files under a concurrent build that copies them.
    ];

    /// <summary>Runs <c>dotnet publish</c> into <paramref name="outputDirectory"/> and returns the native binary's path.</summary>
    /// <param name="project">The charm's .csproj.</param>
    /// <param name="outputDirectory">Where the publish goes (emptied first).</param>
    /// <param name="progress">Where progress is shown.</param>
    /// <param name="cancellationToken">Stops the publish.</param>
    /// <returns>The binary.</returns>
    /// <exception cref="CliException">The publish failed; the message carries the compiler's errors.</exception>
    public static async Task<string> PublishAsync(string project, string outputDirectory, Progress progress, CancellationToken cancellationToken)
    {
        if (Directory.Exists(outputDirectory))
        {
            Directory.Delete(outputDirectory, recursive: true);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["publish", project, "-c", "Release", "-r", "linux-x64", "-o", outputDirectory, "-nologo", "-clp:NoSummary", .. Properties])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var log = new StringBuilder();
        using var process = Process.Start(start) ?? throw new CliException("could not start `dotnet`; is the .NET SDK on PATH?");
        process.StandardInput.Close();
        var readers = new[] { Pump(process.StandardOutput, log), Pump(process.StandardError, log) };
        await progress.WhileAsync(
            $"Publishing {Path.GetFileName(project)} as Native AOT for linux-x64 (this takes 1–3 minutes the first time)",
            ExitCodeAsync(process, readers, cancellationToken),
            exit => exit == 0);
        if (process.ExitCode != 0)
        {
            var errors = log.ToString().Split('\n').Where(l => l.Contains(" error ", StringComparison.Ordinal) || l.Contains("error:", StringComparison.Ordinal)).Distinct().Take(20).ToList();
            var detail = errors.Count > 0 ? string.Join('\n', errors) : log.ToString().Trim();
            throw new CliException($"dotnet publish of {project} failed (exit {process.ExitCode}):\n{detail}");
        }

        var assemblyName = Path.GetFileNameWithoutExtension(project);
        var binary = FindBinary(outputDirectory, assemblyName);
        return binary ?? throw new CliException($"dotnet publish succeeded but left no native binary in {outputDirectory}; does the project set <OutputType>Exe</OutputType>?");
    }

    private static async Task<int> ExitCodeAsync(Process process, Task[] readers, CancellationToken cancellationToken)
    {
        await process.WaitForExitAsync(cancellationToken);
        await Task.WhenAll(readers);
        return process.ExitCode;
    }

    /// <summary>The version of the .NET SDK that publishes in <paramref name="directory"/> (global.json applies).</summary>
    /// <param name="directory">The project's folder.</param>
    /// <param name="cancellationToken">Stops the lookup.</param>
    /// <returns>What <c>dotnet --version</c> prints there.</returns>
    public static async Task<string> SdkVersionAsync(string directory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", "--version")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new CliException("could not start `dotnet`; is the .NET SDK on PATH?");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? (await output).Trim()
            : throw new CliException($"`dotnet --version` in {directory} failed: {(await error).Trim()}");
    }

    // The binary is named after the assembly, which may differ from the project file's name (plex-k8s.csproj vs PlexK8s).
    private static string? FindBinary(string directory, string projectName)
    {
        var byProject = Path.Combine(directory, projectName);
        if (File.Exists(byProject))
        {
            return byProject;
        }

        return Directory.EnumerateFiles(directory)
            .Where(f => Path.GetExtension(f).Length == 0 && (File.GetUnixFileMode(f) & UnixFileMode.UserExecute) != 0)
            .OrderByDescending(f => new FileInfo(f).Length)
            .FirstOrDefault();
    }

    private static async Task Pump(StreamReader reader, StringBuilder log)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }
}
