using System.Diagnostics;

namespace Charmarr.Ops.FakeJuju.Driver;

/// Runs a process with no arguments, stdin closed, output captured as bytes, and a hard timeout.
internal static class BoundedProcess
{
    public sealed record Result(int ExitCode, bool TimedOut, byte[] Stdout, byte[] Stderr);

    public static Result Run(string executable, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"cannot start {executable}");
        process.StandardInput.Close();
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var copyErr = process.StandardError.BaseStream.CopyToAsync(stderr);
        var timedOut = !process.WaitForExit(timeout);
        if (timedOut)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        // A background child may keep the pipes open after dispatch exits; don't wait for it forever.
        Task.WaitAll([copyOut, copyErr], TimeSpan.FromSeconds(5));
        return new Result(timedOut ? -1 : process.ExitCode, timedOut, stdout.ToArray(), stderr.ToArray());
    }
}
