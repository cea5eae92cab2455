using System.Text.Json.Serialization;
using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Model;
using Charmarr.Ops.State;

namespace Charmarr.Ops.Tests.Framework;

internal sealed record Counter(int Count);

internal sealed record RunParams(int Count);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(Counter))]
[JsonSerializable(typeof(RunParams))]
internal sealed partial class TestJson : JsonSerializerContext;

/// <summary>Two observers of db relation-changed (the first may defer) and one of config-changed.</summary>
internal sealed class DeferringCharm : CharmBase
{
    private readonly Recorder recorder;

    public DeferringCharm(CharmFramework framework, Recorder recorder)
        : base(framework)
    {
        this.recorder = recorder;
        recorder.Instances++;
        Observe<RelationChangedEvent>("db", OnFirst);
        Observe<RelationChangedEvent>("db", OnSecond);
        Observe<ConfigChangedEvent>(OnConfig);
        Observe<StopEvent>(e => e.Defer());
    }

    private void OnFirst(RelationChangedEvent e)
    {
        recorder.Calls.Add($"first {e.Unit} {(e.IsReemitted ? "again" : "new")}");
        if (recorder.DeferWhile.Contains(e.Unit!.Name))
        {
            e.Defer();
        }
    }

    private void OnSecond(RelationChangedEvent e) => recorder.Calls.Add($"second {e.Unit}");

    private void OnConfig(ConfigChangedEvent e) => recorder.Calls.Add("config");
}

/// <summary>Counts config-changed in stored state; fails or blocks on demand.</summary>
internal sealed class CountingCharm : CharmBase
{
    private readonly StoredState<Counter> counter;

    public CountingCharm(CharmFramework framework)
        : base(framework)
    {
        counter = GetStoredState(TestJson.Default.Counter, () => new Counter(0));
        Observe<ConfigChangedEvent>(OnConfigChanged);
        Observe<UpdateStatusEvent>(_ => GC.KeepAlive(counter.Value));
    }

    private void OnConfigChanged(ConfigChangedEvent e)
    {
        counter.Value = counter.Value with { Count = counter.Value.Count + 1 };
        switch (Model.Config.GetString("mode"))
        {
            case "fail":
                throw new InvalidOperationException("failing on purpose");
            case "block":
                throw new InvalidConfigException("mode 'block' is not allowed; run: juju config test mode=normal");
        }
    }
}

/// <summary>Adds the statuses the recorder names, in order, for the unit and the app.</summary>
internal sealed class StatusCharm : CharmBase
{
    public StatusCharm(CharmFramework framework, Recorder recorder)
        : base(framework)
    {
        Observe<CollectUnitStatusEvent>(e =>
        {
            foreach (var call in recorder.Calls)
            {
                var (kind, message) = (call.Split(':')[0], call.Split(':')[1]);
                e.AddStatus(new Status(StatusNames.Parse(kind), message));
            }
        });
        Observe<CollectAppStatusEvent>(e => e.AddStatus(Status.Active("app ok")));
    }
}

/// <summary>A typed action handler, a reconciler, and a stop handler.</summary>
internal sealed class ActionCharm : CharmBase
{
    public ActionCharm(CharmFramework framework, Recorder recorder)
        : base(framework)
    {
        ObserveAction("run", TestJson.Default.RunParams, (e, p) =>
        {
            if (p.Count < 0)
            {
                e.Defer();
            }

            e.SetResult("count", p.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        ObserveAction(
            "run-lazily",
            () =>
            {
                recorder.Calls.Add("run-lazily parameters built");
                return TestJson.Default.RunParams;
            },
            (e, p) => e.SetResult("count", p.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        ObserveReconcile(e => recorder.Calls.Add($"reconcile {e.Name}"));
    }
}

/// <summary>Observes an endpoint that the metadata does not declare.</summary>
internal sealed class TypoCharm : CharmBase
{
    public TypoCharm(CharmFramework framework)
        : base(framework)
    {
        Observe<RelationChangedEvent>("dbb", _ => { });
    }
}
