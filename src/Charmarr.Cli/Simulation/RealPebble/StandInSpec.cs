using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Charmarr.Cli.Simulation.RealPebble;

/// <summary>What one running stand-in does, as the JSON file it reads in the container: the port it listens on and
/// the canned routes it answers (a scenario fake's). Written and read with the DOM: no reflection.</summary>
/// <param name="Path">The workload binary it stands in for (for its log line).</param>
/// <param name="Port">The port, or none.</param>
/// <param name="Fake">The fake whose routes it serves, or none.</param>
internal sealed record StandInSpec(string Path, int? Port, HttpFake? Fake)
{
    public string ToJson()
    {
        var routes = new JsonArray();
        foreach (var route in Fake?.Routes ?? [])
        {
            routes.Add((JsonNode)new JsonObject
            {
                ["method"] = route.Method,
                ["path"] = route.Path,
                ["status"] = route.Status,
                ["body"] = route.Body,
                ["content-type"] = route.ContentType,
            });
        }

        var json = new JsonObject
        {
            ["path"] = Path,
            ["port"] = Port,
            ["fake"] = Fake is null ? null : new JsonObject { ["name"] = Fake.Name, ["url-env"] = Fake.UrlVariable, ["routes"] = routes },
        };
        return json.ToJsonString();
    }

    public static StandInSpec Parse(string json)
    {
        try
        {
            var root = JsonNode.Parse(json)?.AsObject() ?? throw new CliException("the stand-in's spec is empty");
            var fake = root["fake"] is JsonObject f
                ? new HttpFake(
                    Text(f, "name"),
                    Text(f, "url-env"),
                    (f["routes"]?.AsArray() ?? []).Select(r => new HttpFakeRoute(
                        Text(r!.AsObject(), "method"),
                        Text(r.AsObject(), "path"),
                        r["status"]!.GetValue<int>(),
                        Text(r.AsObject(), "body"),
                        Text(r.AsObject(), "content-type"))).ToList())
                : null;
            return new StandInSpec(Text(root, "path"), root["port"]?.GetValue<int>(), fake);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NullReferenceException)
        {
            throw new CliException($"the stand-in's spec is not valid: {e.Message}", e);
        }
    }

    /// <summary>The shell script put at the stand-in's path: it runs this tool's <c>workload-stand-in</c> command with the
    /// container's view of the .NET runtime and the tool (both bound read-only into the root).</summary>
    /// <param name="dotnet">The <c>dotnet</c> host inside the container.</param>
    /// <param name="runtimeConfig">The runtimeconfig.json inside the container.</param>
    /// <param name="tool">The tool's assembly inside the container.</param>
    /// <param name="spec">This spec's file inside the container.</param>
    /// <returns>The script's text.</returns>
    public string Script(string dotnet, string runtimeConfig, string tool, string spec)
    {
        var script = new StringBuilder();
        script.Append("#!/bin/sh\n");
        script.Append($"# charmarr simulate --pebble real: a stand-in for {Path} (the scenario's stand-ins; src/Charmarr.Cli/README.md).\n");
        script.Append("export DOTNET_EnableDiagnostics=0 DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_NOLOGO=1\n");
        script.Append($"exec {Quote(dotnet)} exec --runtimeconfig {Quote(runtimeConfig)} {Quote(tool)} {Commands.WorkloadStandInCommand.Name} {Quote(spec)} \"$@\"\n");
        return script.ToString();
    }

    private static string Text(JsonObject o, string key) =>
        o[key]?.GetValue<string>() ?? throw new CliException($"the stand-in's spec has no '{key}'");

    private static string Quote(string text) => $"'{text.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
