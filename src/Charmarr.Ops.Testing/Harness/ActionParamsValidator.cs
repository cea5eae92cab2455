using System.Text.Json.Nodes;
using Charmarr.Ops.Context;
using Charmarr.Ops.Metadata;

namespace Charmarr.Ops.Testing;

/// <summary>Checks action parameters against the action's schema as Juju does before it runs the action, and fills defaults.</summary>
internal static class ActionParamsValidator
{
    /// <summary>
    /// Every problem with <paramref name="parameters"/> for action <paramref name="name"/> under Juju
    /// <paramref name="juju"/> (whose default for an undeclared <c>additionalProperties</c> differs: 3.x true, 4.x false);
    /// empty when they are valid.
    /// </summary>
    public static IReadOnlyList<string> Problems(CharmMetadata metadata, JujuVersion juju, string name, JsonObject parameters)
    {
        if (!metadata.Actions.TryGetValue(name, out var action))
        {
            var declared = metadata.Actions.Count == 0 ? "none" : string.Join(", ", metadata.Actions.Keys.Order(StringComparer.Ordinal));
            return [$"unknown action \"{name}\" (charmcraft.yaml declares: {declared})"];
        }

        var problems = new List<string>();
        foreach (var required in action.Required.Where(r => !parameters.ContainsKey(r)))
        {
            problems.Add($"action \"{name}\" needs parameter \"{required}\"");
        }

        foreach (var (key, value) in parameters)
        {
            if (!action.Params.TryGetValue(key, out var param))
            {
                if (!action.AllowsAdditionalProperties(juju))
                {
                    var why = action.AdditionalProperties is null
                        ? $"Juju {juju} allows no additional properties when the action does not set additionalProperties"
                        : "additional properties are not allowed";
                    problems.Add($"action \"{name}\" has no parameter \"{key}\" ({why}; declared: {string.Join(", ", action.Params.Keys)})");
                }

                continue;
            }

            if (!Fits(param.Type, value))
            {
                problems.Add($"parameter \"{key}\" of action \"{name}\" must be {param.Type.ToString().ToLowerInvariant()}, got {JsonValues.KindOf(value)} {value?.ToJsonString() ?? "null"}");
            }
            else if (param.Enum.Count > 0 && !param.Enum.Any(allowed => JsonNode.DeepEquals(allowed, value)))
            {
                problems.Add($"parameter \"{key}\" of action \"{name}\" must be one of {string.Join(", ", param.Enum.Select(e => e?.ToJsonString() ?? "null"))}, got {value?.ToJsonString() ?? "null"}");
            }
        }

        return problems;
    }

    /// <summary>The parameters with the schema's defaults added, after checking them; throws one <see cref="ArgumentException"/> listing every problem.</summary>
    public static JsonObject Validate(CharmMetadata metadata, JujuVersion juju, string name, JsonObject parameters)
    {
        var problems = Problems(metadata, juju, name, parameters);
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid action parameters: " + string.Join("; ", problems), nameof(parameters));
        }

        var filled = (JsonObject)parameters.DeepClone();
        foreach (var param in metadata.Actions[name].Params.Values)
        {
            if (param.Default is not null && !filled.ContainsKey(param.Name))
            {
                filled[param.Name] = param.Default.DeepClone();
            }
        }

        return filled;
    }

    private static bool Fits(ActionParamType type, JsonNode? value) => type switch
    {
        ActionParamType.String => JsonValues.IsString(value),
        ActionParamType.Integer => JsonValues.IsInteger(value),
        ActionParamType.Number => JsonValues.IsNumber(value),
        ActionParamType.Boolean => JsonValues.IsBoolean(value),
        ActionParamType.Array => value is JsonArray,
        ActionParamType.Object => value is JsonObject,
        _ => true,
    };
}
