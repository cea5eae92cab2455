using AutoFixture.Xunit3;
using Charmarr.Ops.State;
using Charmarr.Ops.Tests.Fakes;

namespace Charmarr.Ops.Tests.State;

public sealed class JujuStateStoreTests
{
    private readonly FakeJujuBackend backend = new();

    [Theory]
    [AutoData]
    public void Changed_keys_go_out_in_one_state_set_and_deleted_keys_one_state_delete_each(string key, string value, string gone1, string gone2)
    {
        new JujuStateStore(backend).Save(new Dictionary<string, string> { [key] = value }, [gone1, gone2]);

        Assert.Equal([$"state-set {key}", $"state-delete {gone1}", $"state-delete {gone2}"], backend.StateWrites);
    }

    [Fact]
    public void Nothing_to_save_calls_nothing()
    {
        new JujuStateStore(backend).Save(new Dictionary<string, string>(), []);

        Assert.Empty(backend.StateWrites);
    }

    [Fact]
    public void A_value_over_64_KiB_is_refused_before_calling_juju_naming_the_key_and_size()
    {
        var big = new string('x', JujuStateStore.MaxValueBytes + 1);

        var e = Assert.Throws<StoredStateException>(() =>
            new JujuStateStore(backend).Save(new Dictionary<string, string> { ["Charm/state"] = big }, []));

        Assert.Contains("'Charm/state' is 65537 bytes", e.Message, StringComparison.Ordinal);
        Assert.Empty(backend.StateWrites);
    }

    [Fact]
    public void A_key_over_256_bytes_is_refused_before_calling_juju()
    {
        var key = new string('k', JujuStateStore.MaxKeyBytes + 1);

        Assert.Throws<StoredStateException>(() => new JujuStateStore(backend).Save(new Dictionary<string, string> { [key] = "v" }, []));
        Assert.Empty(backend.StateWrites);
    }
}
