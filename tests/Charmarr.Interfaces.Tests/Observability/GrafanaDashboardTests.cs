using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Charmarr.Interfaces.GrafanaDashboard;
using Charmarr.Interfaces.Observability;

namespace Charmarr.Interfaces.Tests.Observability;

public sealed class GrafanaDashboardTests : IDisposable
{
    private static readonly GrafanaDashboardFile Plex = new("src/grafana_dashboards/plex.json", CosGolden.DashboardSource);

    private readonly CharmFixture<CosCharm> plex = new("plex/0", CosCharm.Metadata);

    public void Dispose() => plex.Dispose();

    [Fact]
    public void A_template_carries_the_charm_the_topology_and_the_librarys_alt_uid_in_its_order()
    {
        var template = DashboardTemplate.Build(Plex, CosGolden.Topology);

        Assert.Equal(["charm", "content", "juju_topology", "inject_dropdowns", "dashboard_alt_uid"], template.Select(kv => kv.Key));
        Assert.Equal("plex-k8s", (string?)template["charm"]);
        Assert.Equal(CosGolden.DashboardTopology, PythonJson.Dumps(template["juju_topology"]));
        Assert.True((bool?)template["inject_dropdowns"]);
        Assert.Equal(CosGolden.DashboardAltUid, (string?)template["dashboard_alt_uid"]);
        Assert.Equal("file:plex", DashboardTemplate.Id(Plex));
    }

    [Fact]
    public void The_dashboard_gets_the_librarys_path_uid_and_charm_tag_and_pythons_json() =>
        Assert.Equal(CosGolden.DashboardContent, PythonJson.Dumps(DashboardTemplate.Prepare(Plex, "plex-k8s")));

    [Fact]
    public void A_path40_uid_and_an_existing_charm_tag_are_kept()
    {
        var kept = new GrafanaDashboardFile("x.json", """{"uid":"0123456789abcdef0123456789abcdef01234567","tags":["charm: other"]}""");

        Assert.Equal("""{"uid": "0123456789abcdef0123456789abcdef01234567", "tags": ["charm: other"]}""", PythonJson.Dumps(DashboardTemplate.Prepare(kept, "plex-k8s")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(65536)]
    [InlineData(200_000)]
    public void Pythons_lzma_decompresses_the_content_to_the_exact_text(int size)
    {
        var text = string.Concat(Enumerable.Range(0, size).Select(i => (char)('a' + (i % 26))));
        var encoded = DashboardTemplate.Encode(text);

        Assert.Equal(text, PythonDecompress(encoded));
    }

    [Fact]
    public void The_leader_publishes_templates_and_a_uuid_and_rewrites_nothing_while_they_are_unchanged()
    {
        plex.Backend.Leader = true;
        var id = plex.Backend.AddRelation("grafana-dashboard", "grafana");

        Assert.Equal(0, plex.RelationHook("created", "grafana-dashboard", id));
        var first = plex.Backend.GetLocalAppData(id)["dashboards"];
        plex.Run(charm => charm.Dashboards.Publish());

        var published = JsonNode.Parse(first)!;
        Assert.Equal(["templates", "uuid"], published.AsObject().Select(kv => kv.Key));
        Assert.True(Guid.TryParse((string?)published["uuid"], out _));
        var content = (string)published["templates"]!["file:plex"]!["content"]!;
        Assert.Contains("\"charm: plex-k8s\"", PythonDecompress(content), StringComparison.Ordinal);
        Assert.Equal(first, plex.Backend.GetLocalAppData(id)["dashboards"]);
    }

    [Fact]
    public void Lazily_given_dashboards_are_loaded_only_by_a_dispatch_that_publishes_them()
    {
        var id = plex.Backend.AddRelation("grafana-dashboard", "grafana");
        Assert.Equal(0, plex.RelationHook("created", "grafana-dashboard", id));
        Assert.Equal(0, plex.Probe.DashboardLoads);

        plex.Backend.Leader = true;
        Assert.Equal(0, plex.RelationHook("created", "grafana-dashboard", id));

        Assert.Equal(1, plex.Probe.DashboardLoads);
        Assert.True(plex.Backend.GetLocalAppData(id).ContainsKey("dashboards"));
    }

    // cosl's LZMABase64.decompress, run by python3 itself.
    private static string PythonDecompress(string encoded)
    {
        var start = new ProcessStartInfo("python3", ["-c", "import base64,lzma,sys; sys.stdout.buffer.write(lzma.decompress(base64.b64decode(sys.stdin.read())))"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        using var python = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        python.StandardInput.Write(encoded);
        python.StandardInput.Close();
        using var output = new MemoryStream();
        python.StandardOutput.BaseStream.CopyTo(output);
        python.WaitForExit();
        Assert.Equal(0, python.ExitCode);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
