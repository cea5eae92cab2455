using System.Text.RegularExpressions;
using Charmarr.Ops.Testing.Pebble.Json;

namespace Charmarr.Ops.Testing.Pebble.State;

/// <summary>Named identities (§2.14): add, update, replace, remove with Pebble's validation messages.</summary>
internal sealed partial class IdentityStore
{
    private readonly SortedDictionary<string, SimulatedIdentity> identities = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, SimulatedIdentity> All => identities;

    /// <summary>Applies one <c>POST /v1/identities</c>; a null identity means "delete" (remove, replace).</summary>
    public void Apply(string action, IReadOnlyDictionary<string, SimulatedIdentity?> changes)
    {
        if (action is not ("add" or "update" or "replace" or "remove"))
        {
            throw SimulatedPebbleException.BadRequest($"invalid action {GoText.Quote(action)}, must be \"add\", \"update\", \"replace\", or \"remove\"");
        }

        foreach (var (name, identity) in changes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (identity is null)
            {
                if (action is "add" or "update")
                {
                    throw SimulatedPebbleException.BadRequest($"identity value for {GoText.Quote(name)} must not be null for {action} operation");
                }

                continue;
            }

            if (action == "remove")
            {
                throw SimulatedPebbleException.BadRequest($"identity value for {GoText.Quote(name)} must be null for remove operation");
            }

            Validate(name, identity);
        }

        var existing = changes.Keys.Where(identities.ContainsKey).Order(StringComparer.Ordinal).ToList();
        var missing = changes.Keys.Where(n => !identities.ContainsKey(n)).Order(StringComparer.Ordinal).ToList();
        if (action == "add" && existing.Count > 0)
        {
            throw SimulatedPebbleException.BadRequest($"identities already exist: {string.Join(", ", existing)}");
        }

        if (action is "update" or "remove" && missing.Count > 0)
        {
            throw SimulatedPebbleException.BadRequest($"identities do not exist: {string.Join(", ", missing)}");
        }

        var next = new SortedDictionary<string, SimulatedIdentity>(identities, StringComparer.Ordinal);
        foreach (var (name, identity) in changes)
        {
            if (identity is null)
            {
                next.Remove(name);
            }
            else
            {
                next[name] = identity;
            }
        }

        var clash = next.Where(kv => kv.Value.LocalUserId is not null)
            .GroupBy(kv => kv.Value.LocalUserId!.Value)
            .FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw SimulatedPebbleException.BadRequest(
                $"cannot have multiple identities with user ID {clash.Key} ({string.Join(", ", clash.Select(kv => kv.Key))})");
        }

        identities.Clear();
        foreach (var (name, identity) in next)
        {
            identities[name] = identity;
        }
    }

    private static void Validate(string name, SimulatedIdentity identity)
    {
        string? problem = null;
        if (!NamePattern().IsMatch(name))
        {
            problem = $"identity name {GoText.Quote(name)} invalid: must start with an alphabetic character and only contain alphanumeric characters, underscore, and hyphen";
        }
        else if (identity.Access is not ("admin" or "read" or "metrics" or "untrusted"))
        {
            problem = identity.Access.Length == 0
                ? "access value must be specified (\"admin\", \"read\", \"metrics\", or \"untrusted\")"
                : $"invalid access value {GoText.Quote(identity.Access)}, must be \"admin\", \"read\", \"metrics\", or \"untrusted\"";
        }
        else if (identity.LocalUserId is null && identity.BasicPassword is null && identity.CertPem is null)
        {
            problem = "identity must have at least one type (\"local\", \"basic\", or \"cert\")";
        }

        if (problem is not null)
        {
            throw SimulatedPebbleException.BadRequest($"invalid identity for {GoText.Quote(name)}: {problem}");
        }
    }

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9_-]*$")]
    private static partial Regex NamePattern();
}
