using System.Text;
using System.Text.RegularExpressions;

namespace Charmarr.Ops.Backend;

/// <summary>
/// What Juju accepts as arguments of its write tools, checked before anything is sent. Every <see cref="IJujuBackend"/>
/// (the hook tools, the Testing package's in-memory model) checks through this one place, so both refuse the same input
/// with the same <see cref="ArgumentException"/>.
/// </summary>
internal static partial class JujuArgumentRules
{
    /// <summary><c>relation-set</c>: keys must not be empty and values must not be null (an empty value deletes).</summary>
    /// <param name="changes">The keys and values.</param>
    /// <param name="paramName">The argument that held them.</param>
    public static void CheckRelationChanges(IReadOnlyDictionary<string, string> changes, string paramName) =>
        CheckKeysAndValues(changes, paramName, "relation data");

    /// <summary><c>action-set</c>: every dot-separated part of every key follows Juju's rule and is not reserved; values are not null.</summary>
    /// <param name="results">The flattened results.</param>
    /// <param name="paramName">The argument that held them.</param>
    public static void CheckActionResults(IReadOnlyDictionary<string, string> results, string paramName)
    {
        ArgumentNullException.ThrowIfNull(results, paramName);
        foreach (var (key, value) in results)
        {
            CheckActionKey(key, paramName);
            ArgumentNullException.ThrowIfNull(value, $"{paramName}[\"{key}\"]");
        }
    }

    /// <summary><c>secret-add</c> / <c>secret-set</c>: at least one key; keys of at least three lower-case characters; non-empty values.</summary>
    /// <param name="content">The content.</param>
    public static void CheckSecretContent(IReadOnlyDictionary<string, string> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Count == 0)
        {
            throw new ArgumentException("secret content must have at least one key", nameof(content));
        }

        foreach (var (key, value) in content)
        {
            if (key is null || !SecretKeyRegex().IsMatch(key))
            {
                throw new ArgumentException(
                    $"secret key \"{key}\" is not valid: use at least 3 lower-case letters, digits or single hyphens, starting with a letter and not ending with a hyphen",
                    nameof(content));
            }

            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentException($"the value of secret key \"{key}\" must not be empty", nameof(content));
            }
        }
    }

    /// <summary><c>secret-get</c>: an id or a label, and not both <c>--refresh</c> and <c>--peek</c>.</summary>
    /// <param name="id">The secret URI.</param>
    /// <param name="label">The label.</param>
    /// <param name="refresh">Whether to track the latest revision.</param>
    /// <param name="peek">Whether to read the latest revision once.</param>
    public static void CheckSecretGet(string? id, string? label, bool refresh, bool peek)
    {
        if (string.IsNullOrEmpty(id) && string.IsNullOrEmpty(label))
        {
            throw new ArgumentException("secret-get needs a secret id or a label", nameof(id));
        }

        if (refresh && peek)
        {
            throw new ArgumentException("secret-get takes --refresh or --peek, not both", nameof(peek));
        }
    }

    /// <summary><c>state-set</c>: non-empty keys within <see cref="JujuLimits.MaxStateKeyBytes"/>, values within <see cref="JujuLimits.MaxStateValueBytes"/>.</summary>
    /// <param name="values">The keys and values.</param>
    /// <param name="paramName">The argument that held them.</param>
    public static void CheckStateValues(IReadOnlyDictionary<string, string> values, string paramName)
    {
        CheckKeysAndValues(values, paramName, "state");
        foreach (var (key, value) in values)
        {
            if (Encoding.UTF8.GetByteCount(key) > JujuLimits.MaxStateKeyBytes)
            {
                throw new ArgumentException(
                    $"state key \"{Shorten(key)}\" is longer than Juju's limit of {JujuLimits.MaxStateKeyBytes} bytes", paramName);
            }

            if (Encoding.UTF8.GetByteCount(value) > JujuLimits.MaxStateValueBytes)
            {
                throw new ArgumentException(
                    $"the value of state key \"{Shorten(key)}\" is longer than Juju's limit of {JujuLimits.MaxStateValueBytes} bytes", paramName);
            }
        }
    }

    private static void CheckKeysAndValues(IReadOnlyDictionary<string, string> map, string paramName, string what)
    {
        ArgumentNullException.ThrowIfNull(map, paramName);
        foreach (var (key, value) in map)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new ArgumentException($"{what} keys must not be empty", paramName);
            }

            ArgumentNullException.ThrowIfNull(value, $"{paramName}[\"{key}\"]");
        }
    }

    private static void CheckActionKey(string key, string paramName)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("action result key \"\" is not valid: keys must not be empty", paramName);
        }

        foreach (var segment in key.Split('.'))
        {
            if (!ActionKeySegmentRegex().IsMatch(segment))
            {
                throw new ArgumentException(
                    $"action result key \"{key}\" is not valid: each dot-separated part must be lower-case letters, digits and hyphens, starting and ending with a letter or digit",
                    paramName);
            }

            if (segment is "stdout" or "stdout-encoding" or "stderr" or "stderr-encoding")
            {
                throw new ArgumentException(
                    $"action result key \"{key}\" uses \"{segment}\", which Juju reserves for the action's own output",
                    paramName);
            }
        }
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    [GeneratedRegex("^([a-z](?:-?[a-z0-9]){2,})\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SecretKeyRegex();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ActionKeySegmentRegex();
}
