using Charmarr.Ops.Model;

namespace Charmarr.Interfaces.Observability;

/// <summary>
/// Where telemetry comes from, as the COS libraries (cosl's <c>JujuTopology</c>) name it: the labels added to scrape jobs,
/// alert rules, dashboards and log lines so each series and line is tied to one application of one model.
/// </summary>
/// <param name="Model">The model's name.</param>
/// <param name="ModelUuid">The model's UUID.</param>
/// <param name="Application">The application's name.</param>
/// <param name="Unit">The unit's name.</param>
/// <param name="CharmName">The charm's name (its metadata's <c>name</c>).</param>
public sealed record JujuTopology(string Model, string ModelUuid, string Application, string Unit, string CharmName)
{
    /// <summary>The topology of the unit running this dispatch.</summary>
    /// <param name="model">The Juju model.</param>
    /// <returns>The topology.</returns>
    public static JujuTopology FromModel(CharmModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new JujuTopology(model.Name, model.Uuid, model.App.Name, model.Unit.Name, model.Metadata.Name);
    }

    /// <summary>cosl's <c>identifier</c>: <c>model_uuid8_application</c> with <c>/</c> as <c>_</c>, e.g. <c>media_1b2c3d4e_plex</c>.</summary>
    public string Identifier => $"{Model}_{ModelUuid[..Math.Min(8, ModelUuid.Length)]}_{Application}".Replace('/', '_');

    /// <summary>cosl's <c>as_dict()</c>: model, model_uuid, application, unit, charm_name, in that order.</summary>
    /// <returns>The pairs.</returns>
    internal IReadOnlyList<KeyValuePair<string, string>> AsDict() =>
    [
        new("model", Model),
        new("model_uuid", ModelUuid),
        new("application", Application),
        new("unit", Unit),
        new("charm_name", CharmName),
    ];

    /// <summary>cosl's <c>label_matcher_dict</c>: juju_model, juju_model_uuid, juju_application, juju_charm (empty values left out).</summary>
    /// <returns>The labels.</returns>
    internal IReadOnlyList<KeyValuePair<string, string>> LabelMatchers() =>
        new KeyValuePair<string, string>[]
        {
            new("juju_model", Model),
            new("juju_model_uuid", ModelUuid),
            new("juju_application", Application),
            new("juju_charm", CharmName),
        }.Where(kv => kv.Value.Length > 0).ToList();
}
