using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Charmarr.Interfaces.Observability;

namespace Charmarr.Interfaces.GrafanaDashboard;

/// <summary>
/// One entry of the grafana_dashboard library's <c>templates</c>: the dashboard with the library's uid and tag applied,
/// serialised as Python's <c>json.dumps</c>, wrapped in xz and base64 (cosl's <c>LZMABase64.compress</c>).
/// </summary>
internal static class DashboardTemplate
{
    private const int UidBytes = 20;

    /// <summary>The template's id: <c>file:&lt;stem&gt;</c>.</summary>
    public static string Id(GrafanaDashboardFile file) => $"file:{System.IO.Path.GetFileNameWithoutExtension(file.Path)}";

    /// <summary>The stored object: charm, content, juju_topology, inject_dropdowns, dashboard_alt_uid.</summary>
    /// <exception cref="ArgumentException">The dashboard is not a JSON object.</exception>
    public static JsonObject Build(GrafanaDashboardFile file, JujuTopology topology)
    {
        var id = Id(file);
        return new JsonObject
        {
            ["charm"] = topology.CharmName,
            ["content"] = Encode(PythonJson.Dumps(Prepare(file, topology.CharmName))),
            ["juju_topology"] = new JsonObject
            {
                ["model"] = topology.Model,
                ["model_uuid"] = topology.ModelUuid,
                ["application"] = topology.Application,
                ["unit"] = topology.Unit,
            },
            ["inject_dropdowns"] = true,
            ["dashboard_alt_uid"] = Shake256Hex($"{topology.CharmName}-{id}", 8),
        };
    }

    /// <summary>cosl's <c>LZMABase64.compress</c>: UTF-8, xz, base64.</summary>
    public static string Encode(string text) => Convert.ToBase64String(XzStoredWriter.Write(Encoding.UTF8.GetBytes(text)));

    /// <summary>The dashboard with a Path-40 uid (unless it has one) and a <c>charm: &lt;name&gt;</c> tag (unless it has one).</summary>
    internal static JsonObject Prepare(GrafanaDashboardFile file, string charmName)
    {
        var dashboard = JsonNode.Parse(file.Json) as JsonObject
            ?? throw new ArgumentException($"dashboard {file.Path} is not a JSON object", nameof(file));
        var uid = dashboard["uid"] is JsonValue u && u.TryGetValue<string>(out var s) ? s : "";
        if (!IsPath40(uid))
        {
            dashboard["uid"] = Shake256Hex($"{charmName}-{file.Path}", UidBytes);
        }

        if (dashboard["tags"] is not JsonArray tags)
        {
            tags = [];
            dashboard["tags"] = tags;
        }

        if (!tags.Any(t => t is JsonValue v && v.TryGetValue<string>(out var tag) && tag.StartsWith("charm: ", StringComparison.Ordinal)))
        {
            tags.Add((JsonNode)("charm: " + charmName));
        }

        return dashboard;
    }

    private static bool IsPath40(string uid) => uid.Length == UidBytes * 2 && uid.All(char.IsAsciiHexDigit);

    private static string Shake256Hex(string text, int bytes) =>
        Convert.ToHexStringLower(Shake256.HashData(Encoding.UTF8.GetBytes(text), bytes));
}
