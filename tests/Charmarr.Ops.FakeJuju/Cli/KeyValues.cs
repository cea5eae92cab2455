using Charmarr.Ops.Testing.Juju.HookTools;

namespace Charmarr.Ops.FakeJuju.Cli;

/// juju/utils keyvalues.Parse: split on the first '=', trim key and value, reject duplicates.
internal static class KeyValues
{
    public static Dictionary<string, string> Parse(IEnumerable<string> args, bool allowEmptyValues)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var arg in args)
        {
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                throw HookToolException.Usage($"expected \"key=value\", got {HookToolException.GoQuote(arg)}");
            }
            var key = arg[..eq].Trim();
            var value = arg[(eq + 1)..].Trim();
            if (key.Length == 0 || (!allowEmptyValues && value.Length == 0))
            {
                throw HookToolException.Usage($"expected \"key=value\", got {HookToolException.GoQuote(arg)}");
            }
            if (!result.TryAdd(key, value))
            {
                throw HookToolException.Usage($"key {HookToolException.GoQuote(key)} specified more than once");
            }
        }
        return result;
    }
}
