using System.Text.Json.Nodes;
using Charmarr.Ops.Kubernetes;

namespace Charmarr.Ops.Tests.Kubernetes;

/// <summary>The small parts: quantities, pointers, equivalence, backoff, <see cref="Desired{T}"/>, spec validation.</summary>
public sealed class SpecAndHelpersTests
{
    public static TheoryData<string, string, bool> QuantityPairs => new()
    {
        { "1", "1000m", true },
        { "1Gi", "1073741824", true },
        { "1k", "1000", true },
        { "1e3", "1k", true },
        { "0.5", "500m", true },
        { "1E", "1e18", true },
        { "+2", "2", true },
        { "1", "2", false },
        { "1Ki", "1k", false },
        { "abc", "abd", false },
    };

    [Theory]
    [MemberData(nameof(QuantityPairs))]
    public void Quantities_compare_by_value(string left, string right, bool same) => Assert.Equal(same, Quantity.Same(left, right));

    [Theory]
    [InlineData("")]
    [InlineData("Gi")]
    [InlineData("1 Gi")]
    [InlineData("1Zi")]
    [InlineData("1e99")]
    public void Not_quantities(string text) => Assert.False(Quantity.TryParse(text, out _));

    [Fact]
    public void Pointer_segments_escape_tilde_and_slash_and_parse_back()
    {
        Assert.Equal("gpu.intel.com~1i915", JsonPointer.Escape("gpu.intel.com/i915"));
        Assert.Equal("a~0b~1c", JsonPointer.Escape("a~b/c"));
        Assert.True(JsonPointer.TryParse("/x/a~0b~1c/~01", out var segments));
        Assert.Equal(["x", "a~b/c", "~1"], segments);
        Assert.False(JsonPointer.TryParse("x", out _));
        Assert.False(JsonPointer.TryParse("/a~2", out _));
    }

    [Theory]
    [InlineData("""{"a":1}""", """{"a":1.0}""", true)]
    [InlineData("""{"path":"/x","type":""}""", """{"path":"/x"}""", true)]
    [InlineData("""{"readOnly":false}""", """{}""", true)]
    [InlineData("""{"emptyDir":{}}""", """{}""", false)]
    [InlineData("""{"fsGroup":0}""", """{}""", false)]
    [InlineData("""[1,2]""", """[2,1]""", false)]
    [InlineData("""{"a":"x"}""", """{"a":"y"}""", false)]
    public void Equivalence_treats_unset_defaults_alike_and_nothing_else(string left, string right, bool equivalent) =>
        Assert.Equal(equivalent, JsonEquivalence.Equivalent(JsonNode.Parse(left), JsonNode.Parse(right)));

    [Fact]
    public void A_replacement_patch_deletes_what_only_the_old_element_has()
    {
        var patch = JsonEquivalence.ReplacementPatch(
            JsonNode.Parse("""{"name":"v","hostPath":{"path":"/a","type":"Directory"}}""")!.AsObject(),
            JsonNode.Parse("""{"name":"v","hostPath":{"path":"/b"}}""")!.AsObject());

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"name":"v","hostPath":{"path":"/b","type":null}}"""), patch));
    }

    [Fact]
    public void The_default_backoff_is_half_a_second_doubling_to_at_most_five()
    {
        var policy = KubernetesRetryPolicy.Default;

        Assert.Equal([0.5, 1, 2, 4, 5, 5], Enumerable.Range(1, 6).Select(i => policy.DelayBefore(i).TotalSeconds));
        Assert.Equal(4, policy.MaxAttempts);
    }

    [Fact]
    public void Desired_has_three_states()
    {
        Desired<long> value = 1000;

        Assert.Equal((true, false, false, 1000L), (value.HasValue, value.IsAbsent, value.IsUnspecified, value.Value));
        Assert.True(Desired.Absent<long>().IsAbsent);
        Assert.True(default(Desired<long>).IsUnspecified);
        Assert.Equal(Desired.Of(5L), (Desired<long>)5L);
        Assert.Throws<InvalidOperationException>(() => Desired.Absent<long>().Value);
        Assert.Equal(["1000", "absent", "unspecified"], new[] { value.ToString(), Desired.Absent<long>().ToString(), Desired.Unspecified<long>().ToString() });
    }

    public static TheoryData<string> InvalidSpecs => new(InvalidSpecCases.Keys);

    private static readonly Dictionary<string, Func<StatefulSetSpec>> InvalidSpecCases = new()
    {
        ["a container name with capitals"] = () => new StatefulSetSpec("Plex"),
        ["a volume name with an underscore"] = () => new StatefulSetSpec("plex") { Volumes = { StatefulSetVolume.Absent("dev_dri") } },
        ["a volume listed twice"] = () => new StatefulSetSpec("plex") { Volumes = { StatefulSetVolume.Absent("a"), StatefulSetVolume.Pvc("a", "c", "/a") } },
        ["a relative mount path"] = () => new StatefulSetSpec("plex") { Volumes = { StatefulSetVolume.Pvc("a", "c", "data") } },
        ["one mount path twice"] = () => new StatefulSetSpec("plex") { Volumes = { StatefulSetVolume.Pvc("a", "c", "/d"), StatefulSetVolume.Pvc("b", "c", "/d") } },
        ["an absolute sub-path"] = () => new StatefulSetSpec("plex") { Volumes = { StatefulSetVolume.Pvc("a", "c", "/d") with { SubPath = "/x" } } },
        ["a claim name with capitals"] = () => new StatefulSetSpec("plex") { Volumes = { StatefulSetVolume.Pvc("a", "Claim", "/d") } },
        ["a relative host path"] = () => new StatefulSetSpec("plex") { Volumes = { StatefulSetVolume.HostPath("a", "dev/dri", "/d", HostPathType.Directory) } },
        ["an unknown host path type"] = () => new StatefulSetSpec("plex") { Volumes = { StatefulSetVolume.HostPath("a", "/dev/dri", "/d", (HostPathType)99) } },
        ["a negative fsGroup"] = () => new StatefulSetSpec("plex") { PodFsGroup = -1 },
        ["a group both wanted and absent"] = () => new StatefulSetSpec("plex") { SupplementalGroups = { 44 }, AbsentSupplementalGroups = { 44 } },
        ["a limit that is not a quantity"] = () => new StatefulSetSpec("plex") { ResourceLimits = { ["gpu.intel.com/i915"] = "one" } },
        ["a limit both wanted and absent"] = () => new StatefulSetSpec("plex") { ResourceLimits = { ["r"] = "1" }, AbsentResourceLimits = { "r" } },
        ["a resource name with a space"] = () => new StatefulSetSpec("plex") { AbsentResourceLimits = { "a b" } },
    };

    [Theory]
    [MemberData(nameof(InvalidSpecs))]
    public void An_invalid_spec_is_refused_with_what_is_wrong(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => StatefulSetSpecValidator.Validate(InvalidSpecCases[name]()));

        Assert.StartsWith("Invalid StatefulSet spec: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_spec_is_valid()
    {
        var spec = new StatefulSetSpec("plex")
        {
            Volumes =
            {
                StatefulSetVolume.Pvc("charmarr-shared-data", "charmarr-shared-media", "/data") with { SubPath = "media", ReadOnly = true },
                StatefulSetVolume.HostPath("dev-dri", "/dev/dri", "/dev/dri", HostPathType.Directory),
                StatefulSetVolume.Absent("old"),
            },
            PodFsGroup = 1000,
            SupplementalGroups = { 44 },
            AbsentSupplementalGroups = { 109 },
            Privileged = true,
            ResourceLimits = { ["gpu.intel.com/i915"] = "1" },
            AbsentResourceLimits = { "nvidia.com/gpu" },
        };

        StatefulSetSpecValidator.Validate(spec);
    }
}
