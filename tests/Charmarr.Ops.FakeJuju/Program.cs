using System.Collections;
using Charmarr.Ops.FakeJuju.Driver;
using Charmarr.Ops.FakeJuju.Tools;

namespace Charmarr.Ops.FakeJuju;

internal static class Program
{
    /// `fake-jujuc <tool-name> <args...>` runs one hook tool; `fake-jujuc --write-shims <dir>` creates the shims.
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: fake-jujuc <tool-name> [args...] | --write-shims <dir>");
            return 2;
        }
        if (args[0] == "--write-shims" && args.Length == 2)
        {
            ShimDirectory.Write(args[1]);
            return 0;
        }
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = (string?)entry.Value ?? "";
        }
        var outcome = ToolHost.Run(args[0], args[1..], environment, Environment.CurrentDirectory, () => Console.In.ReadToEnd());
        using (var stdout = Console.OpenStandardOutput())
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(outcome.Stdout);
            stdout.Write(bytes);
        }
        using (var stderr = Console.OpenStandardError())
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(outcome.Stderr);
            stderr.Write(bytes);
        }
        return outcome.ExitCode;
    }
}
