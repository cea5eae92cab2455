namespace Charmarr.Ops.Tests.Framework;

public sealed class CustomEventTests : IDisposable
{
    private readonly DispatchFixture<CustomEventCharm> fixture = new();

    public CustomEventTests()
    {
        fixture.Backend.RelationIds["db"] = [1];
        fixture.Backend.RelationUnits[1] = ["pg/0"];
    }

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void A_component_custom_event_reaches_the_charm_synchronously()
    {
        Assert.Equal(0, fixture.RelationChanged(1, "pg/0"));

        Assert.Equal(["ready dsn-from-pg/0 new via CustomEventCharm/DatabaseRequirer[db]"], fixture.Recorder.Calls);
    }

    [Fact]
    public void A_registered_custom_event_can_be_deferred_and_is_rebuilt_from_its_snapshot()
    {
        fixture.Recorder.DeferWhile.Add("ready");
        fixture.RelationChanged(1, "pg/0");
        fixture.Recorder.DeferWhile.Clear();
        fixture.Recorder.Calls.Clear();

        Assert.Equal(0, fixture.Dispatch("hooks/update-status"));

        Assert.Equal(["ready dsn-from-pg/0 again via CustomEventCharm/DatabaseRequirer[db]"], fixture.Recorder.Calls);
    }

    [Fact]
    public void Deferring_an_unregistered_custom_event_is_refused()
    {
        fixture.Recorder.DeferWhile.UnionWith(["ready", "unregistered"]);

        Assert.Equal(1, fixture.RelationChanged(1, "pg/0"));

        Assert.Empty(fixture.Store.Saves);
    }
}
