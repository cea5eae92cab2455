using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Charmarr.PlexK8s.IntegrationTests;

/// <summary>Runs kubectl against the model's namespace: <c>CHARMARR_KUBECTL</c> is the command (default <c>kubectl</c>;
/// e.g. <c>sudo microk8s kubectl</c>), split on spaces.</summary>
public sealed class Kubectl(string model)
{
    public const string Variable = "CHARMARR_KUBECTL";

    // A Kubernetes model's namespace is the model's name (without any "controller:" qualifier).
    private readonly string @namespace = model[(model.IndexOf(':', StringComparison.Ordinal) + 1)..];

    public async Task<string> RunAsync(IReadOnlyList<string> args, string? stdin = null, CancellationToken cancellationToken = default)
    {
        var command = (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } c ? c : "kubectl").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = new ProcessStartInfo(command[0]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in command.Skip(1).Concat(["-n", @namespace]).Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"{string.Join(' ', start.ArgumentList)} exited {process.ExitCode}: {await stderr}");
    }

    /// <summary>Creates (or keeps) a PersistentVolumeClaim with the cluster's default storage class.</summary>
    public Task CreatePvcAsync(string name, CancellationToken cancellationToken)
    {
        var claim = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "PersistentVolumeClaim",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = new JsonObject
            {
                ["accessModes"] = new JsonArray("ReadWriteOnce"),
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = "1Gi" } },
            },
        };
        return RunAsync(["apply", "-f", "-"], claim.ToJsonString(), cancellationToken);
    }

    /// <summary>The application's StatefulSet as JSON.</summary>
    public async Task<JsonNode> GetStatefulSetAsync(string app, CancellationToken cancellationToken) =>
        JsonNode.Parse(await RunAsync(["get", "statefulset", app, "-o", "json"], cancellationToken: cancellationToken))!;
}
