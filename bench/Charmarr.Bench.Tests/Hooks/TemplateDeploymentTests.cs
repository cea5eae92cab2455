using Charmarr.Bench.Hooks;

namespace Charmarr.Bench.Tests.Hooks;

/// <summary>The events the template charm is measured on come from its packed metadata: none is invented.</summary>
public sealed class TemplateDeploymentTests : IDisposable
{
    private const string Metadata = """
        name: bench-app
        summary: s
        description: d
        containers:
          workload:
            resource: workload-image
        resources:
          workload-image:
            type: oci-image
        """;

    private const string Actions = """
        restart:
          description: Restarts the workload.
        """;

    private readonly string charm = Directory.CreateTempSubdirectory("bench-events-").FullName;

    [Fact]
    public void A_charm_without_relations_gets_config_update_status_pebble_ready_and_its_action_and_no_relation_event()
    {
        Write(Metadata, Actions);

        var events = TemplateDeployment.Events(charm);

        Assert.Equal(["config-changed", "update-status", "workload-pebble-ready", "restart (action)"], events.Select(e => e.Label));
        Assert.Equal("pebble-ready: workload", events[2].Step);
        Assert.Equal("action: {name: restart}", events[3].Step);
    }

    [Fact]
    public void A_declared_relation_adds_its_relation_changed_from_the_remote_unit_the_deployment_relates()
    {
        Write(Metadata + "\nrequires:\n  db:\n    interface: postgresql_client\n", Actions);

        var events = TemplateDeployment.Events(charm);

        var relation = Assert.Single(events, e => e.Label.Contains("relation", StringComparison.Ordinal));
        Assert.Equal("db-relation-changed", relation.Label);
        Assert.Equal("event: {hook: db-relation-changed, relation: db, unit: bench-remote/0}", relation.Step);
    }

    public void Dispose() => Directory.Delete(charm, recursive: true);

    private void Write(string metadata, string actions)
    {
        File.WriteAllText(Path.Combine(charm, "metadata.yaml"), metadata);
        File.WriteAllText(Path.Combine(charm, "actions.yaml"), actions);
    }
}
