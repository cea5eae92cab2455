using System.CommandLine;

namespace Charmarr.Cli.Commands;

/// <summary><c>charmarr completion bash|zsh</c>: prints a shell script that completes charmarr's commands and options by
/// asking charmarr itself (System.CommandLine's <c>[suggest]</c> directive). Use: <c>source &lt;(charmarr completion bash)</c>.</summary>
internal static class CompletionCommand
{
    private const string Bash = """
        _charmarr_complete() {
            local IFS=$'\n'
            COMPREPLY=( $(compgen -W "$(charmarr "[suggest:${#COMP_LINE}]" "${COMP_LINE}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -o default -F _charmarr_complete charmarr
        """;

    private const string Zsh = """
        _charmarr_complete() {
            local -a candidates
            candidates=("${(@f)$(charmarr "[suggest:${#BUFFER}]" "${BUFFER}" 2>/dev/null)}")
            compadd -- $candidates
        }
        compdef _charmarr_complete charmarr
        """;

    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh" }.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion", "Print the shell completion script: source <(charmarr completion bash)") { shell };
        command.SetAction(parsed =>
        {
            parsed.InvocationConfiguration.Output.WriteLine(parsed.GetRequiredValue(shell) == "bash" ? Bash : Zsh);
            return 0;
        });
        return command;
    }
}
