using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing.Tests.Kubernetes;

/// <summary>The test resource: the StatefulSet Juju 3.6 creates for a plex-k8s application (charm + plex containers, charm-init, charm-data, the config PVC template).</summary>
internal static class JujuStatefulSet
{
    public const string Namespace = "media";
    public const string Name = "plex";

    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Kubernetes", "Fixtures", "juju-statefulset.json");

    public static JsonObject Load() => JsonNode.Parse(File.ReadAllText(Path))!.AsObject();

    public static JsonObject PodSpec(JsonObject statefulSet) => statefulSet["spec"]!["template"]!["spec"]!.AsObject();

    public static JsonObject Container(JsonObject statefulSet, string name) =>
        PodSpec(statefulSet)["containers"]!.AsArray().Single(c => (string?)c!["name"] == name)!.AsObject();
}
