using Charmarr.Ops.Testing.Pebble.Json;

namespace Charmarr.Ops.Testing.Juju.HookTools;

// A tool error: exit code 2 for flag/Init (validation) errors, 1 for Run errors. The message is printed as `ERROR <message>`.
internal sealed class HookToolException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static HookToolException Usage(string message) => new(2, message);

    public static HookToolException Failure(string message) => new(1, message);

    public static HookToolException UnrecognizedArgs(IEnumerable<string> extra) =>
        Usage("unrecognized args: [" + string.Join(" ", extra.Select(GoQuote)) + "]");

    public static string GoQuote(string text) => GoText.Quote(text);
}

// Thrown by a flag's value parser; the flag set turns it into `invalid value "v" for flag -x: message`.
internal sealed class FlagValueException(string message) : Exception(message);

// -h / --help was given.
internal sealed class HelpRequestedException() : Exception("help requested");
