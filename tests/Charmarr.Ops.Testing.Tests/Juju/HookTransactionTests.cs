using Charmarr.Ops.Backend;
using Charmarr.Ops.Model;
using Charmarr.Ops.Testing.Juju;

namespace Charmarr.Ops.Testing.Tests.Juju;

public sealed class HookTransactionTests
{
    private readonly MemoryJujuBackend backend = new("plex/0") { Leader = true };
    private readonly int relation;

    public HookTransactionTests()
    {
        relation = backend.AddRelation("media-server", "overseerr");
    }

    private void WriteEverything(string value)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { ["config"] = value };
        backend.SetRelationData("media-server", relation, data, isApp: true);
        backend.SetRelationData("media-server", relation, data, isApp: false);
        backend.SetState(data);
        backend.OpenPort(Port.Tcp(32400));
        backend.AddStorage("config", 1);
        backend.AddSecret(new Dictionary<string, string>(StringComparer.Ordinal) { ["token"] = value }, SecretOwner.Unit, new SecretOptions());
    }

    [Fact]
    public void A_failed_hook_undoes_what_Juju_commits_only_on_success()
    {
        backend.BeginHook();
        WriteEverything("new");
        backend.EndHook(succeeded: false);

        Assert.Empty(backend.GetLocalAppData(relation));
        Assert.DoesNotContain("config", backend.GetLocalUnitData(relation).Keys);
        Assert.Empty(backend.UnitState);
        Assert.Empty(backend.OpenedPorts);
        Assert.Empty(backend.StorageRequests);
        Assert.Empty(backend.GetSecretIds());
    }

    [Fact]
    public void A_failed_hook_keeps_what_Juju_applies_at_once()
    {
        backend.BeginHook();
        backend.SetStatus(Status.Blocked("no storage"), application: false);
        backend.SetApplicationVersion("1.2");
        backend.Log(JujuLogLevel.Error, "boom");
        backend.EndHook(succeeded: false);

        Assert.Equal(Status.Blocked("no storage"), backend.UnitStatus);
        Assert.Equal("1.2", backend.WorkloadVersion);
        Assert.Single(backend.Logs);
    }

    [Fact]
    public void A_successful_hook_keeps_its_writes_and_reads_its_own_writes_meanwhile()
    {
        backend.BeginHook();
        WriteEverything("new");
        Assert.Equal("new", backend.GetRelationData("media-server", relation, "plex", isApp: true)["config"]);
        backend.EndHook(succeeded: true);

        Assert.Equal("new", backend.GetLocalAppData(relation)["config"]);
        Assert.Equal("new", backend.UnitState["config"]);
        Assert.Equal([Port.Tcp(32400)], backend.OpenedPorts);
        Assert.Single(backend.GetSecretIds());
    }

    [Fact]
    public void Hooks_do_not_nest()
    {
        backend.BeginHook();

        Assert.Throws<InvalidOperationException>(backend.BeginHook);
        backend.EndHook(succeeded: true);
        Assert.Throws<InvalidOperationException>(() => backend.EndHook(succeeded: true));
    }
}
