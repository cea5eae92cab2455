using System.Text.Json.Nodes;
using Charmarr.Ops.Testing.Kubernetes;

namespace Charmarr.Ops.Testing.Tests.Kubernetes;

/// <summary>
/// The simulator's patch semantics against Kubernetes' own, through <c>kubectl patch --local</c> on the realistic Juju
/// StatefulSet: the same patch must give the same StatefulSet (JSON-semantic equality, list order included), and a
/// patch kubectl refuses must be refused.
/// </summary>
public sealed class KubectlOracleTests
{
    private static readonly Dictionary<string, (string Type, string Patch)> Applied = new()
    {
        ["strategic: hardware transcoding on (Charmarr's hostPath patch)"] = ("strategic",
            """{"spec":{"template":{"spec":{"volumes":[{"name":"dev-dri","hostPath":{"path":"/dev/dri","type":"Directory"}}],"containers":[{"name":"plex","volumeMounts":[{"name":"dev-dri","mountPath":"/dev/dri"}]}]}}}}"""),
        ["strategic: shared storage with pod fsGroup (Charmarr's PVC patch)"] = ("strategic",
            """{"spec":{"template":{"spec":{"volumes":[{"name":"charmarr-shared-data","persistentVolumeClaim":{"claimName":"charmarr-shared-media"}}],"containers":[{"name":"plex","volumeMounts":[{"name":"charmarr-shared-data","mountPath":"/data"}]}],"securityContext":{"fsGroup":1000}}}}}"""),
        ["strategic: privileged container and a device-plugin limit"] = ("strategic",
            """{"spec":{"template":{"spec":{"containers":[{"name":"plex","securityContext":{"privileged":true},"resources":{"limits":{"gpu.intel.com/i915":"1"}}}]}}}}"""),
        ["strategic: an existing volume's source changed, the old source deleted with null"] = ("strategic",
            """{"spec":{"template":{"spec":{"volumes":[{"name":"charm-data","emptyDir":null,"hostPath":{"path":"/srv/charm","type":"DirectoryOrCreate"}}]}}}}"""),
        ["strategic: an existing mount updated in place, keyed by mountPath"] = ("strategic",
            """{"spec":{"template":{"spec":{"containers":[{"name":"plex","volumeMounts":[{"mountPath":"/config","readOnly":true,"subPath":"plex"}]}]}}}}"""),
        ["strategic: $patch delete of a volume and of a mount"] = ("strategic",
            """{"spec":{"template":{"spec":{"volumes":[{"name":"charm-data","$patch":"delete"},{"name":"not-there","$patch":"delete"}],"containers":[{"name":"charm","volumeMounts":[{"mountPath":"/var/lib/juju","$patch":"delete"}]}]}}}}"""),
        ["strategic: $patch replace of a list"] = ("strategic",
            """{"spec":{"template":{"spec":{"containers":[{"name":"plex","env":[{"name":"TZ","value":"UTC"},{"$patch":"replace"}]}]}}}}"""),
        ["strategic: $patch delete of a map empties it"] = ("strategic",
            """{"spec":{"template":{"spec":{"containers":[{"name":"charm","securityContext":{"$patch":"delete"}}]}}}}"""),
        ["strategic: $patch replace of a map"] = ("strategic",
            """{"spec":{"template":{"metadata":{"annotations":{"$patch":"replace","only":"this"}}}}}"""),
        ["strategic: null deletes members"] = ("strategic",
            """{"spec":{"template":{"spec":{"serviceAccount":null,"containers":[{"name":"plex","readinessProbe":null,"livenessProbe":{"failureThreshold":null}}]}}}}"""),
        ["strategic: lists without a merge key are replaced"] = ("strategic",
            """{"spec":{"volumeClaimTemplates":[{"metadata":{"name":"other"}}],"template":{"spec":{"containers":[{"name":"plex","args":["run"],"command":["/bin/plex"]}],"securityContext":{"supplementalGroups":[44,109]}}}}}"""),
        ["strategic: env merges by name, ports by containerPort"] = ("strategic",
            """{"spec":{"template":{"spec":{"containers":[{"name":"plex","env":[{"name":"TZ","value":"UTC"},{"name":"PEBBLE_SOCKET","value":"/other"}],"ports":[{"containerPort":32400,"name":"plex"}]}]}}}}"""),
        ["strategic: patch elements keep their order, server-only elements keep theirs"] = ("strategic",
            """{"spec":{"template":{"spec":{"volumes":[{"name":"a","emptyDir":{}},{"name":"charm-data","emptyDir":{"medium":"Memory"}},{"name":"b","emptyDir":{}}],"containers":[{"name":"plex","volumeMounts":[{"name":"a","mountPath":"/a"},{"mountPath":"/charm/container","readOnly":true},{"name":"b","mountPath":"/b"}]}]}}}}"""),
        ["strategic: a new container and a new init container"] = ("strategic",
            """{"spec":{"template":{"spec":{"initContainers":[{"name":"setup","image":"busybox"}],"containers":[{"name":"exporter","image":"exporter:1","ports":[{"containerPort":9000}]}]}}}}"""),
        ["strategic: finalizers merge as a set"] = ("strategic",
            """{"metadata":{"finalizers":["b","a"]}}"""),
        ["strategic: a new member drops its nulls and directives"] = ("strategic",
            """{"spec":{"template":{"spec":{"hostAliases":[{"ip":"10.0.0.1","hostnames":["plex.local"],"x":null},{"ip":"10.0.0.2","$patch":"delete"}],"tolerations":[{"key":"gpu","operator":"Exists","value":null}]}}}}"""),
        ["strategic: a new list element is taken as it is"] = ("strategic",
            """{"spec":{"template":{"spec":{"volumes":[{"name":"n","emptyDir":null,"hostPath":{"path":"/n","type":null}}]}}}}"""),
        ["strategic: a value of another type replaces"] = ("strategic",
            """{"spec":{"replicas":"two","template":{"spec":{"imagePullSecrets":{"a":null,"b":1}}}}}"""),
        ["json: guarded removal of a mount and a volume (the reconciler's shape)"] = ("json",
            """[{"op":"test","path":"/spec/template/spec/containers/1/name","value":"plex"},{"op":"test","path":"/spec/template/spec/containers/1/volumeMounts/2/name","value":"plex-config-5e2c8f10"},{"op":"test","path":"/spec/template/spec/containers/1/volumeMounts/2/mountPath","value":"/config"},{"op":"remove","path":"/spec/template/spec/containers/1/volumeMounts/2"},{"op":"test","path":"/spec/template/spec/volumes/0/name","value":"charm-data"},{"op":"remove","path":"/spec/template/spec/volumes/0"}]"""),
        ["json: add at the end and at an index, replace, escaped pointers"] = ("json",
            """[{"op":"add","path":"/spec/template/spec/volumes/-","value":{"name":"z","emptyDir":{}}},{"op":"add","path":"/spec/template/spec/volumes/0","value":{"name":"a","emptyDir":{}}},{"op":"replace","path":"/spec/replicas","value":3},{"op":"add","path":"/spec/template/spec/containers/1/resources/limits","value":{}},{"op":"add","path":"/spec/template/spec/containers/1/resources/limits/gpu.intel.com~1i915","value":"1"},{"op":"add","path":"/metadata/annotations/a~0b","value":"tilde"}]"""),
        ["json: move and copy"] = ("json",
            """[{"op":"copy","from":"/spec/template/spec/containers/0/env/0","path":"/spec/template/spec/containers/1/env/-"},{"op":"move","from":"/metadata/labels/app.kubernetes.io~1name","path":"/metadata/labels/moved"}]"""),
        ["json: tests of an object, a number, and null for a missing member"] = ("json",
            """[{"op":"test","path":"/spec/selector","value":{"matchLabels":{"app.kubernetes.io/name":"plex"}}},{"op":"test","path":"/spec/replicas","value":1},{"op":"test","path":"/spec/template/spec/securityContext/fsGroup","value":null},{"op":"remove","path":"/status"}]"""),
        ["json: replace of a missing member adds it; indexes with a sign or leading zeros"] = ("json",
            """[{"op":"replace","path":"/spec/minReadySeconds","value":5},{"op":"add","path":"/spec/template/spec/volumes/01","value":{"name":"x","emptyDir":{}}},{"op":"remove","path":"/spec/template/spec/containers/1/volumeMounts/-1"},{"op":"add","path":"/spec/template/spec/containers/0/env/-1","value":{"name":"BEFORE_LAST","value":"1"}},{"op":"add","path":"/spec/template/spec/containers/0/env/+0","value":{"name":"FIRST","value":"1"}}]"""),
        ["merge: lists replaced whole, null deletes"] = ("merge",
            """{"spec":{"template":{"spec":{"volumes":[{"name":"only","emptyDir":{}}],"serviceAccount":null,"securityContext":{"fsGroup":7}}}}}"""),
    };

    private static readonly Dictionary<string, (string Type, string Patch)> Refused = new()
    {
        ["json: a failed test applies nothing"] = ("json",
            """[{"op":"remove","path":"/spec/template/spec/volumes/0"},{"op":"test","path":"/spec/template/spec/containers/1/name","value":"charm"}]"""),
        ["json: removing a missing member"] = ("json", """[{"op":"remove","path":"/spec/template/spec/securityContext/fsGroup"}]"""),
        ["json: adding past the end of a list"] = ("json", """[{"op":"add","path":"/spec/template/spec/volumes/5","value":{"name":"x"}}]"""),
        ["json: replacing past the end of a list"] = ("json", """[{"op":"replace","path":"/spec/template/spec/volumes/1","value":{"name":"x"}}]"""),
        ["json: replacing under a missing member"] = ("json", """[{"op":"replace","path":"/spec/nothing/deeper","value":1}]"""),
        ["json: testing past the end of a list, even for null"] = ("json", """[{"op":"test","path":"/spec/template/spec/volumes/7","value":null}]"""),
        ["json: moving a member into its own child"] = ("json", """[{"op":"move","from":"/spec/template","path":"/spec/template/x"}]"""),
        ["strategic: an element without its merge key"] = ("strategic", """{"spec":{"template":{"spec":{"volumes":[{"emptyDir":{}}]}}}}"""),
        ["strategic: an unknown $patch directive"] = ("strategic", """{"spec":{"template":{"$patch":"merge"}}}"""),
        ["strategic: a $patch merge element in a list"] = ("strategic", """{"spec":{"template":{"spec":{"volumes":[{"name":"x","$patch":"merge"}]}}}}"""),
    };

    public static TheoryData<string> AppliedCases => new(Applied.Keys);

    public static TheoryData<string> RefusedCases => new(Refused.Keys);

    [Theory]
    [MemberData(nameof(AppliedCases))]
    public void The_simulator_patches_the_Juju_StatefulSet_as_kubectl_does(string name)
    {
        var (type, patch) = Applied[name];
        var statefulSet = JujuStatefulSet.Load();

        var (expected, error) = Kubectl.Patch(statefulSet, type, patch);
        var actual = Simulate(statefulSet, type, patch);

        Assert.True(expected is not null, $"kubectl refused the patch: {error}");
        Assert.False(JsonNode.DeepEquals(statefulSet, expected), "the case should change the StatefulSet");
        JsonAssert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(RefusedCases))]
    public void The_simulator_refuses_what_kubectl_refuses(string name)
    {
        var (type, patch) = Refused[name];
        var statefulSet = JujuStatefulSet.Load();
        var before = statefulSet.DeepClone();

        var (result, error) = Kubectl.Patch(statefulSet, type, patch);
        var refusal = Assert.Throws<PatchException>(() => Simulate(statefulSet, type, patch));

        Assert.Null(result);
        Assert.NotEmpty(error);
        Assert.Contains(refusal.StatusCode, new[] { 400, 422 });
        JsonAssert.Equal(before, statefulSet);
    }

    private static JsonNode? Simulate(JsonObject statefulSet, string type, string patch) => type switch
    {
        "strategic" => StrategicMergePatch.Apply(statefulSet, patch),
        "json" => JsonPatch.Apply(statefulSet, patch),
        _ => JsonMergePatch.Apply(statefulSet, patch),
    };
}
