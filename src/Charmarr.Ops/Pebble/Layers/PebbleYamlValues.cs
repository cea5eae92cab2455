namespace Charmarr.Ops.Pebble;

/// <summary>The YAML words of the layer enums, one table for reading and writing.</summary>
internal static class PebbleYamlValues
{
    private static readonly (PebbleOverride Value, string Text)[] Overrides =
    [
        (PebbleOverride.Merge, "merge"),
        (PebbleOverride.Replace, "replace"),
    ];

    private static readonly (PebbleServiceAction Value, string Text)[] Actions =
    [
        (PebbleServiceAction.Restart, "restart"),
        (PebbleServiceAction.Shutdown, "shutdown"),
        (PebbleServiceAction.FailureShutdown, "failure-shutdown"),
        (PebbleServiceAction.SuccessShutdown, "success-shutdown"),
        (PebbleServiceAction.Ignore, "ignore"),
    ];

    public static string ToText(PebbleOverride value) => Overrides.First(o => o.Value == value).Text;

    public static string ToText(PebbleServiceAction value) => Actions.First(a => a.Value == value).Text;

    public static bool TryParseOverride(string text, out PebbleOverride value) => TryParse(Overrides, text, out value);

    public static bool TryParseAction(string text, out PebbleServiceAction value) => TryParse(Actions, text, out value);

    private static bool TryParse<T>((T Value, string Text)[] table, string text, out T value)
        where T : struct
    {
        foreach (var (candidate, word) in table)
        {
            if (word == text)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
