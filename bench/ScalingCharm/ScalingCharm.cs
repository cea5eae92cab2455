using System.Globalization;
using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Model;
using Charmarr.Ops.State;

namespace Charmarr.Bench.ScalingCharm;

/// <summary>
/// The work the bench scales: members-relation-changed reads every remote unit's bag; the grow action sets the stored
/// payload's size and defers tick events until as many wait as asked; every update-status rewrites the stored state
/// and re-defers every waiting tick (they are re-emitted first, as in any dispatch).
/// </summary>
internal sealed class ScalingCharm : CharmBase
{
    private const string Endpoint = "members";
    private readonly StoredState<ScalingState> state;

    public ScalingCharm(CharmFramework framework)
        : base(framework)
    {
        state = GetStoredState(ScalingJson.Default.ScalingState, () => new ScalingState("", 0));
        framework.RegisterEvent(TickEvent.Kind, TickEvent.Restore);
        Observe<RelationChangedEvent>(Endpoint, OnMembersChanged);
        Observe<UpdateStatusEvent>(OnUpdateStatus);
        Observe<TickEvent>(OnTick);
        ObserveAction("grow", () => ScalingJson.Default.GrowParams, OnGrowAsync);
    }

    private void OnMembersChanged(RelationChangedEvent e)
    {
        var bytes = 0;
        foreach (var unit in e.Relation.Units)
        {
            bytes += e.Relation.UnitData(unit).Get("value")?.Length ?? 0;
        }

        Model.Unit.Status = Status.Active(string.Create(CultureInfo.InvariantCulture, $"read {e.Relation.Units.Count} remote bags ({bytes} bytes)"));
    }

    private void OnUpdateStatus(UpdateStatusEvent e) =>
        state.Value = state.Value with { Updates = state.Value.Updates + 1 };

    // Every tick is deferred again when re-emitted, so the queue keeps its size from one dispatch to the next.
    private static void OnTick(TickEvent e) => e.Defer();

    private async Task OnGrowAsync(ActionEvent e, GrowParams parameters)
    {
        if (parameters.StateBytes < 0 || parameters.Deferred < 0)
        {
            e.Fail("state-bytes and deferred take whole numbers ≥ 0");
            return;
        }

        state.Value = state.Value with { Payload = new string('x', parameters.StateBytes) };
        for (var number = 0; number < parameters.Deferred; number++)
        {
            await Framework.EmitAsync(new TickEvent(number));
        }

        e.SetResult("payload-bytes", parameters.StateBytes.ToString(CultureInfo.InvariantCulture));
    }
}
