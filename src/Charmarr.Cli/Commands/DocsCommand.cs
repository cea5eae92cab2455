using System.CommandLine;
using Charmarr.Cli.Docs;

namespace Charmarr.Cli.Commands;

/// <summary><c>charmarr docs &lt;charm dir&gt; [--output file]</c>: the charm's reference as Markdown (<see cref="ReferenceWriter"/>).</summary>
internal static class DocsCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("charm dir") { Description = "The charm's source directory (where charmcraft.yaml is)" };
        var output = new Option<string>("--output", "-o") { Description = "Write the Markdown to this file instead of standard output", HelpName = "file" };
        var command = new Command("docs", $"Print the charm's reference (configuration, actions, relations, storage, resources, and the statuses in {ReferenceWriter.StatusesFile}) as Markdown")
        {
            directory,
            output,
        };
        command.SetAction(parsed =>
        {
            var markdown = ReferenceWriter.Write(parsed.GetRequiredValue(directory));
            if (parsed.GetValue(output) is { } file)
            {
                File.WriteAllText(file, markdown);
                parsed.InvocationConfiguration.Output.WriteLine($"» Wrote {file}");
            }
            else
            {
                parsed.InvocationConfiguration.Output.Write(markdown);
            }

            return 0;
        });
        return command;
    }
}
