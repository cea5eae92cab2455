using System.CommandLine;
using Charmarr.Cli.Packing;

namespace Charmarr.Cli.Commands;

/// <summary><c>charmarr pack &lt;charm dir&gt; [--output dir] [--project path]</c>.</summary>
internal static class PackCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("charm dir") { Description = "The charm's source directory (where charmcraft.yaml is)" };
        var output = new Option<string>("--output", "-o") { Description = "Where the .charm files go (default: the current directory)", HelpName = "dir" };
        var project = new Option<string>("--project") { Description = "The charm's .csproj (or its folder), when it cannot be found", HelpName = "path" };
        var command = new Command("pack", "Native-AOT publish the charm project (or reuse the last publish when its inputs are unchanged) and pack <name>_<base>-<arch>.charm")
        {
            directory,
            output,
            project,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var charms = await new CharmPacker(Progress.Console, TimeProvider.System).PackAsync(
                parsed.GetRequiredValue(directory),
                parsed.GetValue(project),
                parsed.GetValue(output) ?? Environment.CurrentDirectory,
                cancellationToken);
            return charms.Count > 0 ? 0 : 1;
        });
        return command;
    }
}
