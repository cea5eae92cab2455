using System.Text.Json.Nodes;
using Charmarr.Ops.Testing.Kubernetes;

namespace Charmarr.Ops.Testing.Tests.Kubernetes;

/// <summary>What the kubectl oracle cannot show: inputs left alone, malformed patches refused with 400, and the simulator's declared limits.</summary>
public sealed class PatchEngineTests
{
    [Theory]
    [InlineData("""{"spec":{"$retainKeys":["a"]}}""", "$retainKeys")]
    [InlineData("""{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}}""", "$deleteFromPrimitiveList/finalizers")]
    [InlineData("""{"spec":{"$setElementOrder/volumes":[{"name":"a"}]}}""", "$setElementOrder/volumes")]
    public void Directives_the_simulator_does_not_implement_are_refused_not_ignored(string patch, string directive)
    {
        var e = Assert.Throws<PatchException>(() => StrategicMergePatch.Apply(JujuStatefulSet.Load(), patch));

        Assert.Equal(400, e.StatusCode);
        Assert.Contains(directive, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strategic_merge_leaves_the_document_and_the_patch_unchanged()
    {
        var document = JsonNode.Parse("""{"a":{"b":1},"volumes":[{"name":"x","emptyDir":{}}]}""")!.AsObject();
        var patch = JsonNode.Parse("""{"a":{"b":null},"volumes":[{"name":"y","emptyDir":{}},{"name":"x","$patch":"delete"}]}""")!.AsObject();
        var (documentBefore, patchBefore) = (document.DeepClone(), patch.DeepClone());

        var result = StrategicMergePatch.Apply(document, patch);

        JsonAssert.Equal("""{"a":{},"volumes":[{"name":"y","emptyDir":{}}]}""", result);
        JsonAssert.Equal(documentBefore, document);
        JsonAssert.Equal(patchBefore, patch);
    }

    [Theory]
    [InlineData("""{"volumes":[{"name":"x"}]}""", """{"volumes":["y"]}""")]
    [InlineData("""{"finalizers":["a"]}""", """{"finalizers":[{"name":"b"}]}""")]
    public void A_merged_list_of_mixed_element_types_is_refused(string document, string patch)
    {
        var e = Assert.Throws<PatchException>(() => StrategicMergePatch.Apply(JsonNode.Parse(document)!.AsObject(), patch));

        Assert.Equal(400, e.StatusCode);
    }

    [Theory]
    [InlineData("""{"op":"add"}""")]
    [InlineData("""[{"path":"/a","value":1}]""")]
    [InlineData("""[{"op":"frobnicate","path":"/a"}]""")]
    [InlineData("""[{"op":"add","path":"/a"}]""")]
    [InlineData("""[{"op":"add","path":"a","value":1}]""")]
    [InlineData("""[{"op":"add","path":"/a~2","value":1}]""")]
    [InlineData("""[1]""")]
    [InlineData("""[{"op":"add","path":"/a","value":1}""")]
    public void A_malformed_JSON_patch_is_a_400(string operations)
    {
        var e = Assert.Throws<PatchException>(() => JsonPatch.Apply(JsonNode.Parse("""{"a":0}"""), operations));

        Assert.Equal(400, e.StatusCode);
    }

    [Fact]
    public void A_JSON_patch_that_fails_half_way_leaves_the_document_unchanged()
    {
        var document = JsonNode.Parse("""{"list":[1,2,3]}""");

        var e = Assert.Throws<PatchException>(() => JsonPatch.Apply(document, """[{"op":"remove","path":"/list/0"},{"op":"test","path":"/list/0","value":9}]"""));

        Assert.Equal(422, e.StatusCode);
        JsonAssert.Equal("""{"list":[1,2,3]}""", document);
    }

    [Fact]
    public void JSON_patch_can_replace_and_test_the_whole_document()
    {
        var result = JsonPatch.Apply(JsonNode.Parse("""{"a":1}"""), """[{"op":"test","path":"","value":{"a":1}},{"op":"replace","path":"","value":{"b":2}}]""");

        JsonAssert.Equal("""{"b":2}""", result);
    }

    [Fact]
    public void A_merge_patch_that_is_not_an_object_replaces_the_document()
    {
        JsonAssert.Equal("[1]", JsonMergePatch.Apply(JsonNode.Parse("""{"a":1}"""), "[1]"));
        JsonAssert.Equal("""{"a":{"b":2}}""", JsonMergePatch.Apply(JsonNode.Parse("""{"a":3}"""), """{"a":{"b":2,"c":null}}"""));
    }
}
