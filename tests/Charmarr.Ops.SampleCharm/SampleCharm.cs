using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Model;
using Charmarr.Ops.State;
using Microsoft.Extensions.Logging;

namespace Charmarr.Ops.SampleCharm;

/// <summary>
/// Greets people on a configurable port once a database relation has published its DSN. Shows each piece of the
/// framework: typed observers, a scoped relation observer that defers, stored state, a typed action, collect-status,
/// and a user-fixable config error that blocks instead of failing the hook.
/// </summary>
internal sealed class SampleCharm : CharmBase
{
    private readonly StoredState<SampleState> state;
    private readonly IGreeter greeter;

    public SampleCharm(CharmFramework framework, IGreeter greeter)
        : base(framework)
    {
        this.greeter = greeter;
        state = GetStoredState(SampleJson.Default.SampleState, () => new SampleState(0, null));
        Observe<InstallEvent>(OnInstall);
        Observe<ConfigChangedEvent>(OnConfigChanged);
        Observe<LeaderElectedEvent>(OnLeaderElected);
        Observe<RelationChangedEvent>("db", OnDbChanged);
        ObserveAction("greet", SampleJson.Default.GreetParams, OnGreet);
        Observe<CollectUnitStatusEvent>(OnCollectUnitStatus);
        Observe<CollectAppStatusEvent>(e => e.AddStatus(Status.Active()));
    }

    private long Port => Model.Config.GetInt("port") ?? 8080;

    private void OnInstall(InstallEvent e)
    {
        state.Value = state.Value with { Installs = state.Value.Installs + 1 };
        Model.Unit.SetWorkloadVersion("1.0.0");
        Logger.LogInformation("Installed ({Installs} time(s))", state.Value.Installs);
    }

    private void OnConfigChanged(ConfigChangedEvent e)
    {
        if (Model.Config.GetString("greeting") == "crash")
        {
            state.Value = state.Value with { Installs = -1 };
            throw new InvalidOperationException("the greeting 'crash' makes this sample charm fail on purpose");
        }

        if (Port is < 1 or > 65535)
        {
            throw new InvalidConfigException($"port {Port} is out of range; run: juju config sample port=<1-65535>");
        }

        Model.Unit.SetPorts(Ops.Model.Port.Tcp((int)Port));
    }

    private void OnLeaderElected(LeaderElectedEvent e)
    {
        foreach (var relation in Model.Relations.Get("db"))
        {
            relation.LocalAppData.Set("database", "sample");
        }
    }

    private void OnDbChanged(RelationChangedEvent e)
    {
        if (Model.Unit.IsLeader)
        {
            e.Relation.LocalAppData.Set("database", "sample");
        }

        var dsn = e.Relation.RemoteApp is null ? null : e.Relation.RemoteAppData.Get("dsn");
        if (dsn is null)
        {
            Logger.LogInformation("The database has not published a DSN yet; deferring");
            e.Defer();
            return;
        }

        state.Value = state.Value with { Dsn = dsn };
    }

    private void OnGreet(ActionEvent e, GreetParams parameters)
    {
        e.Log("composing a greeting");
        e.SetResults(new Dictionary<string, string>
        {
            ["message"] = greeter.Greet(Model.Config.GetString("greeting") ?? "Hello", parameters.Name, parameters.Excited),
            ["stats.installs"] = state.Value.Installs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    private void OnCollectUnitStatus(CollectUnitStatusEvent e)
    {
        if (Model.Relations.GetSingle("db") is null)
        {
            e.AddStatus(Status.Blocked("needs a database: juju integrate sample <database>"));
        }
        else if (state.Value.Dsn is null)
        {
            e.AddStatus(Status.Waiting("waiting for the database to publish its DSN"));
        }

        e.AddStatus(Status.Active($"serving on port {Port}"));
    }
}
