namespace Charmarr.Ops.Tracing;

/// <summary>
/// A hook tool's arguments as a span may show them: flags (the part before <c>=</c>) and the keys of <c>key=value</c>
/// arguments; every other argument (a relation id, a log line, a status message, a secret id, a config key) and
/// everything after <c>--</c> becomes <c>_</c>. Values never leave the process: not those of <c>relation-set</c> and
/// <c>state-set</c> (their standard input is never recorded), of <c>action-set</c> or of <c>secret-add</c>/<c>secret-set</c>
/// (whose contents travel as <c>key#file=path</c>).
/// </summary>
internal static class HookToolArguments
{
    /// <summary>The placeholder for a value.</summary>
    public const string Value = "_";

    public static string Redact(IReadOnlyList<string> args)
    {
        var parts = new string[args.Count];
        var afterTerminator = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (afterTerminator)
            {
                parts[i] = Value;
            }
            else if (arg == "--")
            {
                parts[i] = arg;
                afterTerminator = true;
            }
            else if (arg.StartsWith('-'))
            {
                var equals = arg.IndexOf('=', StringComparison.Ordinal);
                parts[i] = equals < 0 ? arg : arg[..equals] + "=" + Value;
            }
            else if (arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
            {
                var key = arg[..eq];
                var hash = key.IndexOf('#', StringComparison.Ordinal);
                parts[i] = (hash < 0 ? key : key[..hash]) + "=" + Value;
            }
            else
            {
                parts[i] = Value;
            }
        }

        return string.Join(' ', parts);
    }
}
