using Charmarr.Cli.Packing;

namespace Charmarr.Cli.Commands;

/// <summary><c>charmarr pack &lt;charm dir&gt; [--output dir]</c>.</summary>
internal static class PackCommand
{
    public const string Usage = "charmarr pack <charm dir> [--output <dir>] [--project <charm .csproj>]";

    public static async Task<int> RunAsync(CommandLine args, CancellationToken cancellationToken)
    {
        var directory = args.Positional(0, "the charm's source directory (where charmcraft.yaml is)", Usage);
        var output = args.Option("--output") ?? Environment.CurrentDirectory;
        var project = args.Option("--project");
        args.ThrowIfUnused(Usage);
        var charms = await new CharmPacker(Progress.Console, TimeProvider.System).PackAsync(directory, project, output, cancellationToken);
        return charms.Count > 0 ? 0 : 1;
    }
}
