using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;

namespace Charmarr.Ops.Tests.Framework;

/// <summary>A custom event carrying one value.</summary>
internal sealed class DatabaseReadyEvent(string dsn) : CustomEvent
{
    public string Dsn { get; } = dsn;

    public override IReadOnlyDictionary<string, string> Snapshot() => new Dictionary<string, string>(StringComparer.Ordinal) { ["dsn"] = Dsn };
}

/// <summary>A component that turns db relation-changed into <see cref="DatabaseReadyEvent"/>.</summary>
internal sealed class DatabaseRequirer : CharmComponent
{
    public DatabaseRequirer(CharmObject parent, bool deferrable)
        : base(parent, "db")
    {
        if (deferrable)
        {
            Framework.RegisterEvent("test.database-ready", fields => new DatabaseReadyEvent(fields["dsn"]));
        }

        Observe<RelationChangedEvent>("db", e => EmitAsync(new DatabaseReadyEvent($"dsn-from-{e.Unit}")));
    }

    private Task EmitAsync(CustomEvent e) => Framework.EmitAsync(e);
}

/// <summary>Observes the component's custom event; defers it while the recorder says so.</summary>
internal sealed class CustomEventCharm : CharmBase
{
    public CustomEventCharm(CharmFramework framework, Recorder recorder)
        : base(framework)
    {
        var requirer = new DatabaseRequirer(this, deferrable: !recorder.DeferWhile.Contains("unregistered"));
        Observe<DatabaseReadyEvent>(e =>
        {
            recorder.Calls.Add($"ready {e.Dsn} {(e.IsReemitted ? "again" : "new")} via {requirer.Path}");
            if (recorder.DeferWhile.Contains("ready"))
            {
                e.Defer();
            }
        });
    }
}
