using System.Text.Json.Nodes;
using Charmarr.Ops.Metadata;

namespace Charmarr.Ops.Testing.Kubernetes;

/// <summary>
/// The StatefulSet Juju creates for a Kubernetes charm's application, reduced to what a charm's reconciler reads: the
/// <c>charm</c> container and one container per declared workload container (each running Pebble from the shared
/// <c>charm-data</c> volume), and a volume claim template per filesystem storage mounted where the metadata says.
/// </summary>
public static class JujuStatefulSetTemplate
{
    /// <summary>Builds the StatefulSet of an application.</summary>
    /// <param name="namespaceName">The model name, which is the namespace.</param>
    /// <param name="appName">The application name, which is the StatefulSet's name.</param>
    /// <param name="metadata">The charm's metadata.</param>
    /// <returns>A fresh document.</returns>
    public static JsonObject Create(string namespaceName, string appName, CharmMetadata metadata)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespaceName);
        ArgumentException.ThrowIfNullOrEmpty(appName);
        ArgumentNullException.ThrowIfNull(metadata);
        var labels = new JsonObject { ["app.kubernetes.io/name"] = appName };
        var containers = new JsonArray(CharmContainer());
        foreach (var container in metadata.Containers.Values.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            containers.Add((JsonNode)WorkloadContainer(container, metadata));
        }

        var claims = new JsonArray(metadata.Storage.Values
            .Where(s => s.Type == "filesystem")
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => (JsonNode)ClaimTemplate(appName, s))
            .ToArray());

        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "StatefulSet",
            ["metadata"] = new JsonObject
            {
                ["name"] = appName,
                ["namespace"] = namespaceName,
                ["labels"] = new JsonObject { ["app.kubernetes.io/managed-by"] = "juju", ["app.kubernetes.io/name"] = appName },
            },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 1,
                ["serviceName"] = appName + "-endpoints",
                ["podManagementPolicy"] = "Parallel",
                ["selector"] = new JsonObject { ["matchLabels"] = labels.DeepClone() },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = labels },
                    ["spec"] = new JsonObject
                    {
                        ["automountServiceAccountToken"] = true,
                        ["serviceAccountName"] = appName,
                        ["initContainers"] = new JsonArray(new JsonObject
                        {
                            ["name"] = "charm-init",
                            ["image"] = "public.ecr.aws/juju/jujud-operator:3.6.4",
                            ["volumeMounts"] = new JsonArray(Mount("charm-data", "/charm/bin", "charm/bin")),
                        }),
                        ["containers"] = containers,
                        ["volumes"] = new JsonArray(new JsonObject { ["name"] = "charm-data", ["emptyDir"] = new JsonObject() }),
                    },
                },
                ["volumeClaimTemplates"] = claims,
            },
        };
    }

    private static JsonObject CharmContainer() => new()
    {
        ["name"] = "charm",
        ["image"] = "public.ecr.aws/juju/charm-base:ubuntu-24.04",
        ["volumeMounts"] = new JsonArray(
            Mount("charm-data", "/charm/bin", "charm/bin"),
            Mount("charm-data", "/var/lib/juju", "var/lib/juju"),
            Mount("charm-data", "/charm/containers", "charm/containers")),
    };

    private static JsonObject WorkloadContainer(ContainerMeta container, CharmMetadata metadata)
    {
        var image = container.Resource is { } resource && metadata.Resources.TryGetValue(resource, out var meta) && meta.UpstreamSource is { } upstream
            ? upstream
            : "registry.jujucharms.com/charm/" + container.Name;
        var mounts = new JsonArray(
            Mount("charm-data", "/charm/bin/pebble", "charm/bin/pebble"),
            Mount("charm-data", "/charm/container", "charm/containers/" + container.Name));
        foreach (var mount in container.Mounts.Where(m => metadata.Storage.TryGetValue(m.Storage, out var s) && s.Type == "filesystem"))
        {
            mounts.Add((JsonNode)Mount(StorageClaimName(mount.Storage), mount.Location, null));
        }

        return new JsonObject
        {
            ["name"] = container.Name,
            ["image"] = image,
            ["command"] = new JsonArray("/charm/bin/pebble"),
            ["args"] = new JsonArray("run", "--create-dirs", "--hold", "--verbose"),
            ["volumeMounts"] = mounts,
        };
    }

    private static JsonObject ClaimTemplate(string appName, StorageMeta storage) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["name"] = StorageClaimName(storage.Name),
            ["labels"] = new JsonObject { ["app.kubernetes.io/name"] = appName, ["storage.juju.is/name"] = storage.Name },
        },
        ["spec"] = new JsonObject
        {
            ["accessModes"] = new JsonArray("ReadWriteOnce"),
            ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = storage.MinimumSize ?? "1Gi" } },
        },
    };

    private static string StorageClaimName(string storage) => storage + "-storage";

    private static JsonObject Mount(string volume, string path, string? subPath)
    {
        var mount = new JsonObject { ["name"] = volume, ["mountPath"] = path };
        if (subPath is not null)
        {
            mount["subPath"] = subPath;
        }

        return mount;
    }
}
