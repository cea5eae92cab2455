using System.Text.Json.Nodes;
using Charmarr.Ops.Testing.Kubernetes;

namespace Charmarr.PlexK8s.Tests.Fakes;

/// <summary>The StatefulSet Juju 3.6 creates for a plex-k8s application (a capture from a real cluster).</summary>
internal static class PlexStatefulSet
{
    public static JsonObject Load(string namespaceName, string name = "plex")
    {
        var statefulSet = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "juju-statefulset.json")))!.AsObject();
        statefulSet["metadata"]!["namespace"] = namespaceName;
        statefulSet["metadata"]!["name"] = name;
        return statefulSet;
    }

    public static StatefulSetView View(string namespaceName, string name = "plex") => new(Load(namespaceName, name));
}
