using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing.Tests.Kubernetes;

/// <summary>
/// The oracle: <c>kubectl patch --local -f FILE --type TYPE -p PATCH -o json</c>, which applies a patch with Kubernetes'
/// own code and no API server. kubectl is part of the machine image; when it is missing the oracle tests fail (they do
/// not skip), because a green run without the oracle would prove nothing.
/// </summary>
internal static class Kubectl
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static string Executable { get; } = Find();

    /// <summary>Patches <paramref name="document"/> locally.</summary>
    /// <param name="document">The object.</param>
    /// <param name="type"><c>strategic</c>, <c>json</c> or <c>merge</c>.</param>
    /// <param name="patch">The patch text.</param>
    /// <returns>The patched object, or the error kubectl printed.</returns>
    public static (JsonObject? Result, string Error) Patch(JsonObject document, string type, string patch)
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"charmarr-oracle-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, document.ToJsonString());
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "patch", "--local", "-f", file, "--type", type, "-p", patch, "-o", "json" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"kubectl patch --local took longer than {Timeout}.");
            }

            return process.ExitCode == 0
                ? (JsonNode.Parse(stdout.Result)!.AsObject(), string.Empty)
                : (null, stderr.Result.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Find()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Append("/usr/local/bin")
            .Append("/snap/bin")
            .Select(dir => System.IO.Path.Combine(dir, "kubectl"));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "kubectl is not installed, and the Kubernetes oracle tests need it: they compare the simulator's patch semantics with "
                + "`kubectl patch --local` (no cluster needed). Install kubectl (e.g. the kubectl package, or the Google Cloud SDK's) and run the tests again.");
    }
}
