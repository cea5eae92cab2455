using System.Text;

namespace Charmarr.Bench.StandIns;

/// <summary>
/// Hook-tool stand-ins whose own cost is close to <c>/bin/true</c>: one POSIX <c>sh</c> script per tool that answers
/// from a <c>case</c> over what it was asked, using only shell builtins (no process besides the shell itself). The
/// answers are those the emulated unit's in-memory Juju model gave to the same call when the event was recorded, so
/// a charm run under the stand-ins does what it did under the native shims; a call that was not recorded (a log line,
/// a status with another message) answers nothing and succeeds, as Juju's write tools do.
/// Every subject runs under the same programs: the answer is keyed by the charm directory's name, the dispatch path and
/// the arguments, so each charm and event gets what it was recorded with.
/// </summary>
internal static class StandInTools
{
    /// <summary>The variable naming the file each stand-in appends its tool name to (counting calls), when set.</summary>
    public const string CallLogVariable = "CHARMARR_BENCH_CALLS";

    /// <summary>The text of the stand-in for <paramref name="tool"/> answering <paramref name="answers"/>.</summary>
    /// <param name="tool">The hook tool's name, e.g. <c>config-get</c>.</param>
    /// <param name="answers">What it answers; the first of several answers to the same key wins.</param>
    /// <returns>The script.</returns>
    public static string Script(string tool, IEnumerable<RecordedAnswer> answers)
    {
        var text = new StringBuilder();
        text.Append("#!/bin/sh\n");
        text.Append("# Stand-in for the hook tool ").Append(tool).Append(", written by charmarr-bench: recorded answers, shell builtins only.\n");
        text.Append("[ -n \"$").Append(CallLogVariable).Append("\" ] && echo ").Append(tool).Append(" >>\"$").Append(CallLogVariable).Append("\"\n");
        text.Append("case \"${JUJU_CHARM_DIR##*/} ${JUJU_DISPATCH_PATH} $*\" in\n");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            var key = Key(answer);
            if (!seen.Add(key))
            {
                continue;
            }

            text.Append(Quote(key)).Append(")\n");
            if (answer.Stdout.Length > 0)
            {
                text.Append("  printf '%s' ").Append(Quote(answer.Stdout)).Append('\n');
            }

            if (answer.Stderr.Length > 0)
            {
                text.Append("  printf '%s' ").Append(Quote(answer.Stderr)).Append(" >&2\n");
            }

            text.Append("  exit ").Append(answer.ExitCode).Append(" ;;\n");
        }

        text.Append("esac\nexit 0\n");
        return text.ToString();
    }

    /// <summary>Writes one stand-in per tool into <paramref name="directory"/>, executable.</summary>
    /// <param name="directory">The folder put first on the hooks' <c>PATH</c>.</param>
    /// <param name="answers">Every recorded answer.</param>
    public static void Write(string directory, IEnumerable<RecordedAnswer> answers)
    {
        Directory.CreateDirectory(directory);
        foreach (var tool in answers.GroupBy(a => a.Tool, StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, tool.Key);
            File.WriteAllText(path, Script(tool.Key, tool));
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    /// <summary>What the script's <c>case</c> compares: the charm directory's name, the dispatch path, and the arguments
    /// joined by spaces (as <c>"$*"</c> joins them).</summary>
    /// <param name="answer">The recorded call.</param>
    /// <returns>The key.</returns>
    public static string Key(RecordedAnswer answer) =>
        $"{answer.CharmDirectoryName} {answer.DispatchPath} {string.Join(' ', answer.Args)}";

    /// <summary>A single-quoted shell word: literal, also as a <c>case</c> pattern.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The word.</returns>
    public static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

/// <summary>One hook-tool call as recorded under the native shims, and its answer.</summary>
/// <param name="CharmDirectoryName">The last part of the charm directory (<c>JUJU_CHARM_DIR</c>) of the charm that called it.</param>
/// <param name="DispatchPath">The event's <c>JUJU_DISPATCH_PATH</c>, e.g. <c>hooks/config-changed</c>.</param>
/// <param name="Tool">The tool.</param>
/// <param name="Args">Its arguments.</param>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Stdout">What it wrote to standard output.</param>
/// <param name="Stderr">What it wrote to standard error.</param>
internal sealed record RecordedAnswer(string CharmDirectoryName, string DispatchPath, string Tool, IReadOnlyList<string> Args, int ExitCode, string Stdout, string Stderr);
