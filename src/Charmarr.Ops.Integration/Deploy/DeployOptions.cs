namespace Charmarr.Ops.Integration.Deploy;

/// <summary>What <c>juju deploy</c> is given besides the charm.</summary>
public sealed record DeployOptions
{
    /// <summary>The application name; default: the charm's name.</summary>
    public string? Application { get; init; }

    /// <summary>Resources by name: an OCI image reference or a file path (<c>--resource name=value</c>).</summary>
    public IReadOnlyDictionary<string, string> Resources { get; init; } = new Dictionary<string, string>();

    /// <summary>Storage directives by name (<c>--storage config=20G</c>, <c>pool,size</c>).</summary>
    public IReadOnlyDictionary<string, string> Storage { get; init; } = new Dictionary<string, string>();

    /// <summary>Config values by option (<c>--config key=value</c>; booleans as <c>true</c>/<c>false</c>).</summary>
    public IReadOnlyDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();

    /// <summary>The number of units (<c>--num-units</c>); default 1.</summary>
    public int NumUnits { get; init; } = 1;

    /// <summary>Whether to trust the application (<c>--trust</c>): on Kubernetes, access to the model's namespace.</summary>
    public bool Trust { get; init; }

    /// <summary>A Charmhub channel (<c>latest/stable</c>).</summary>
    public string? Channel { get; init; }

    /// <summary>A Charmhub revision.</summary>
    public int? Revision { get; init; }

    /// <summary>The base (<c>ubuntu@24.04</c>).</summary>
    public string? Base { get; init; }
}
