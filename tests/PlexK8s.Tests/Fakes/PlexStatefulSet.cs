using System.Text.Json.Nodes;

namespace Charmarr.PlexK8s.Tests.Fakes;

/// <summary>The StatefulSet Juju 3.6 creates for a plex-k8s application, and readers for what the charm changes in it.</summary>
internal static class PlexStatefulSet
{
    public static JsonObject Load(string namespaceName, string name = "plex")
    {
        var statefulSet = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "juju-statefulset.json")))!.AsObject();
        statefulSet["metadata"]!["namespace"] = namespaceName;
        statefulSet["metadata"]!["name"] = name;
        return statefulSet;
    }

    public static JsonObject PodSpec(JsonObject statefulSet) => statefulSet["spec"]!["template"]!["spec"]!.AsObject();

    public static JsonObject PlexContainer(JsonObject statefulSet) =>
        PodSpec(statefulSet)["containers"]!.AsArray().Single(c => (string?)c!["name"] == "plex")!.AsObject();

    public static JsonObject? Volume(JsonObject statefulSet, string name) =>
        PodSpec(statefulSet)["volumes"]?.AsArray().SingleOrDefault(v => (string?)v!["name"] == name)?.AsObject();

    public static JsonObject? PlexMount(JsonObject statefulSet, string name) =>
        PlexContainer(statefulSet)["volumeMounts"]?.AsArray().SingleOrDefault(m => (string?)m!["name"] == name)?.AsObject();

    public static bool? Privileged(JsonObject statefulSet) => (bool?)PlexContainer(statefulSet)["securityContext"]?["privileged"];

    public static long? FsGroup(JsonObject statefulSet) => (long?)PodSpec(statefulSet)["securityContext"]?["fsGroup"];
}
