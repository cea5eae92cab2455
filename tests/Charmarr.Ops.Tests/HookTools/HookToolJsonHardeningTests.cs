using Charmarr.Ops.Backend;
using Charmarr.Ops.HookTools;
using Xunit;

namespace Charmarr.Ops.Tests.HookTools;

/// <summary>Issue 15: hook-tool JSON that is malformed in ways a lazy parser only notices later is refused at once, typed.</summary>
public sealed class HookToolJsonHardeningTests
{
    private readonly RecordingHookToolRunner _runner = new();

    private HookToolBackend Backend => new(_runner);

    [Theory]
    [InlineData("{\"a\":\"1\",\"a\":\"2\"}")]
    [InlineData("{\"a\":{\"b\":1,\"b\":2}}")]
    [InlineData("{\"\\ud800\":\"x\"}")]
    [InlineData("{\"a\":\"\\ud800\"}")]
    [InlineData("{\"a\":\"\\udc00x\"}")]
    [InlineData("{\"a\":[\"\\ud83d\"]}")]
    public void Duplicate_keys_and_lone_surrogates_are_a_model_exception(string stdout)
    {
        var e = Assert.Throws<JujuModelException>(() => HookToolJson.Parse("config-get", stdout));

        Assert.Contains("config-get printed output Charmarr.Ops cannot understand", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_in_config_get_fail_the_typed_way()
    {
        _runner.Returns("config-get", "{\"port\":1,\"port\":2}\n");

        Assert.Throws<JujuModelException>(() => Backend.GetConfig());
    }

    [Fact]
    public void A_lone_surrogate_in_relation_data_fails_the_typed_way()
    {
        _runner.Returns("relation-get", "{\"key\":\"\\ud800\"}\n");

        Assert.Throws<JujuModelException>(() => Backend.GetRelationData("db", 1, "app", isApp: true));
    }

    [Theory]
    [InlineData(65)]
    [InlineData(100_000)]
    public void Deeply_nested_json_is_a_model_exception(int depth)
    {
        var stdout = new string('[', depth) + new string(']', depth);

        Assert.Throws<JujuModelException>(() => HookToolJson.Parse("action-get", stdout));
    }

    [Fact]
    public void A_valid_surrogate_pair_is_read()
    {
        var node = HookToolJson.ParseStringMap("config-get", "{\"a\":\"\\ud83d\\ude00\"}");

        Assert.Equal("😀", node["a"]);
    }
}
