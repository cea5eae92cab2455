using Charmarr.Ops.Context;
using Charmarr.Ops.Events;
using Charmarr.Ops.Tests.Fakes;
using Xunit;

namespace Charmarr.Ops.Tests.Events;

/// <summary>Which events may be deferred (ops.md §2).</summary>
public sealed class DeferTests
{
    private readonly FakeJujuBackend _backend = new();

    private JujuEvent Create(DispatchKind kind, string name)
    {
        _backend.RelationIds["db"] = [7];
        var snapshot = new JujuEventSnapshot
        {
            Kind = kind,
            EventName = name,
            RelationId = 7,
            SecretId = "secret:abc",
            StorageId = "data/0",
            RemoteApp = "postgresql",
        };
        return EventFactory.Create(snapshot, TestModels.Model(_backend)) ?? throw new InvalidOperationException($"no event for {name}");
    }

    [Theory]
    [InlineData(DispatchKind.Hook, "stop")]
    [InlineData(DispatchKind.Hook, "remove")]
    [InlineData(DispatchKind.Action, "claim-server")]
    [InlineData(DispatchKind.Hook, "secret-rotate")]
    [InlineData(DispatchKind.Hook, "secret-expired")]
    public void Defer_is_refused(DispatchKind kind, string name)
    {
        var ev = Create(kind, name);
        var ex = Assert.Throws<EventDeferralException>(ev.Defer);
        Assert.Contains(name, ex.Message);
        Assert.False(ev.IsDeferred);
    }

    [Theory]
    [InlineData("install")]
    [InlineData("start")]
    [InlineData("config-changed")]
    [InlineData("update-status")]
    [InlineData("db-relation-changed")]
    [InlineData("db-relation-broken")]
    [InlineData("data-storage-attached")]
    [InlineData("plex-pebble-ready")]
    [InlineData("secret-changed")]
    [InlineData("secret-remove")]
    public void Defer_is_allowed(string name)
    {
        var ev = Create(DispatchKind.Hook, name);
        Assert.False(ev.IsDeferred);
        ev.Defer();
        Assert.True(ev.IsDeferred);
    }

    [Fact]
    public void Collect_status_defer_is_refused()
    {
        Assert.Throws<EventDeferralException>(new CollectUnitStatusEvent().Defer);
        Assert.Throws<EventDeferralException>(new CollectAppStatusEvent().Defer);
    }

    [Fact]
    public void Unregistered_custom_event_defer_is_refused()
    {
        var ev = new MediaChanged();
        var ex = Assert.Throws<EventDeferralException>(ev.Defer);
        Assert.Contains(nameof(MediaChanged), ex.Message);
        Assert.Contains("RegisterEvent", ex.Message);
        Assert.False(ev.IsDeferred);
    }

    [Fact]
    public void Registered_custom_event_may_be_deferred()
    {
        var ev = new MediaChanged { RegisteredKind = "media-changed" };
        ev.Defer();
        Assert.True(ev.IsDeferred);
    }

    private sealed class MediaChanged : CustomEvent;
}
