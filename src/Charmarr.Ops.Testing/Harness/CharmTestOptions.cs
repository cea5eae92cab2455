namespace Charmarr.Ops.Testing;

/// <summary>Who the charm under test is: its unit, its model and the Juju version it runs under.</summary>
public sealed record CharmTestOptions
{
    /// <summary>The unit number: the unit is <c>&lt;app&gt;/&lt;UnitId&gt;</c>.</summary>
    public int UnitId { get; init; }

    /// <summary>The application name; the charm's name from its metadata when <see langword="null"/>.</summary>
    public string? AppName { get; init; }

    /// <summary>The model's name (<c>JUJU_MODEL_NAME</c>), which is also the Kubernetes namespace.</summary>
    public string ModelName { get; init; } = "test-model";

    /// <summary>The model's UUID (<c>JUJU_MODEL_UUID</c>).</summary>
    public string ModelUuid { get; init; } = "5b3c1f0a-7d2e-4c1b-9a8f-0e6d2c4b1a90";

    /// <summary>
    /// The Juju agent version (<c>JUJU_VERSION</c>), and the Juju whose rules the in-memory model follows: from 4.0 no
    /// <c>private-address</c> in unit bags, undeclared action parameters refused unless the action sets
    /// <c>additionalProperties: true</c>, opaque secret ids, 16 MiB totals for relation bags and config, and no
    /// <c>leader-get</c>/<c>leader-set</c>. Default <c>3.6.4</c>.
    /// </summary>
    public string JujuVersion { get; init; } = "3.6.4";
}
