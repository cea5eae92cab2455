using System.Text.Json.Nodes;
using Charmarr.Ops.Kubernetes;

namespace Charmarr.Ops.Testing.Kubernetes;

/// <summary>The simulator's in-process face: the requests the production client would send, handled without HTTP, with the same errors.</summary>
internal sealed class InProcessStatefulSetApi(KubernetesSimulator simulator) : IStatefulSetApi
{
    /// <inheritdoc />
    public Task<JsonObject> GetAsync(string namespaceName, string name, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfUnreachable();
        var response = simulator.Handle(new SimulatedRequest("GET", PatchContentTypes.StatefulSetPath(namespaceName, name), null, null, null));
        return Task.FromResult(Result(response, "get", namespaceName, name));
    }

    /// <inheritdoc />
    public Task<JsonObject> PatchAsync(
        string namespaceName, string name, StatefulSetPatchKind kind, string body, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfUnreachable();
        var request = new SimulatedRequest(
            "PATCH", PatchContentTypes.StatefulSetPath(namespaceName, name), $"fieldManager={KubernetesStatefulSetApi.FieldManager}", PatchContentTypes.For(kind), body);
        return Task.FromResult(Result(simulator.Handle(request), "patch", namespaceName, name));
    }

    private void ThrowIfUnreachable()
    {
        if (simulator.IsUnreachable)
        {
            throw new KubernetesConnectionException("Cannot reach the Kubernetes API server (the simulator is unreachable)", null);
        }
    }

    private static JsonObject Result(SimulatedResponse response, string verb, string namespaceName, string name) =>
        response.IsSuccess
            ? JsonNode.Parse(response.Body)!.AsObject()
            : throw KubernetesErrors.FromStatus(response.StatusCode, response.Body, verb, namespaceName, name);
}
