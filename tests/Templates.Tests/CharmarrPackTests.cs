using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Charmarr.Templates.Tests;

/// <summary>The new charm packed by the installed <c>charmarr</c> tool: what Juju needs is in the archive, it says what
/// charmcraft.yaml says, and its native binary plays the template's deploy story.</summary>
[Collection(TemplateGroup.Name)]
public sealed class CharmarrPackTests(TemplateFixture fixture)
{
    private const int Executable = 0b111_101_101;

    [Fact]
    public void Pack_finds_the_project_under_src_and_names_the_archive_for_the_charm_and_its_base()
    {
        Assert.Equal("my-app_ubuntu@24.04-amd64.charm", Path.GetFileName(fixture.PackedCharm));
        Assert.Contains("» Publishing MyApp.csproj as Native AOT for linux-x64 (this takes 1–3 minutes the first time): done in", fixture.PackOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_archive_holds_dispatch_which_execs_the_native_binary_and_the_yaml_juju_reads()
    {
        using var zip = ZipFile.OpenRead(fixture.PackedCharm);

        Assert.Equal(
            [".charmarr/metadata.bin", "MyApp", "actions.yaml", "config.yaml", "dispatch", "manifest.yaml", "metadata.yaml"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.Equal(Executable, Mode(zip, "dispatch"));
        Assert.Equal(Executable, Mode(zip, "MyApp"));
        var dispatch = Text(zip, "dispatch");
        Assert.StartsWith("#!/bin/sh\n", dispatch, StringComparison.Ordinal);
        Assert.EndsWith("JUJU_DISPATCH_PATH=\"${JUJU_DISPATCH_PATH:-$0}\" exec ./MyApp\n", dispatch, StringComparison.Ordinal);
        Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], Head(zip, "MyApp", 4));
    }

    [Fact]
    public void Metadata_yaml_is_the_metadata_of_charmcraft_yaml()
    {
        var source = Charmcraft();
        using var zip = ZipFile.OpenRead(fixture.PackedCharm);

        var metadata = YamlTree.Parse(Text(zip, "metadata.yaml"))!.AsObject();

        Assert.Equal(["containers", "description", "name", "resources", "summary", "title"], metadata.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var (key, value) in metadata)
        {
            YamlTree.AssertSame(source[key], value, $"metadata.yaml {key}");
        }

        Assert.Equal("my-app", (string?)metadata["name"]);
        Assert.Equal("workload-image", (string?)metadata["containers"]!["workload"]!["resource"]);
        Assert.Equal("oci-image", (string?)metadata["resources"]!["workload-image"]!["type"]);
    }

    [Fact]
    public void Config_yaml_and_actions_yaml_are_those_of_charmcraft_yaml()
    {
        var source = Charmcraft();
        using var zip = ZipFile.OpenRead(fixture.PackedCharm);

        var config = YamlTree.Parse(Text(zip, "config.yaml"));
        var actions = YamlTree.Parse(Text(zip, "actions.yaml"));

        YamlTree.AssertSame(source["config"], config, "config.yaml");
        YamlTree.AssertSame(source["actions"], actions, "actions.yaml");
        Assert.Equal(8080, (long)config!["options"]!["port"]!["default"]!);
        Assert.Equal("int", (string?)config["options"]!["port"]!["type"]);
        Assert.Equal("string", (string?)actions!["restart"]!["params"]!["reason"]!["type"]);
        Assert.False((bool)actions["restart"]!["additionalProperties"]!);
    }

    [Fact]
    public void Manifest_yaml_names_the_base_and_architecture_of_charmcraft_yaml_platforms()
    {
        using var zip = ZipFile.OpenRead(fixture.PackedCharm);

        var manifest = YamlTree.Parse(Text(zip, "manifest.yaml"));

        YamlTree.AssertSame(
            new JsonArray(new JsonObject { ["name"] = "ubuntu", ["channel"] = "24.04", ["architectures"] = new JsonArray("amd64") }),
            manifest!["bases"],
            "manifest.yaml bases (base: ubuntu@24.04, platforms: amd64)");
    }

    [Fact]
    public void The_packed_binary_plays_the_template_deploy_story_under_simulate()
    {
        Assert.Contains("0 expectation(s) failed", fixture.SimulateOutput, StringComparison.Ordinal);
        Assert.Contains("workload-pebble-ready", fixture.SimulateOutput, StringComparison.Ordinal);
        Assert.Contains("port 80 is out of range", fixture.SimulateOutput, StringComparison.Ordinal);
    }

    private JsonObject Charmcraft() =>
        YamlTree.Parse(File.ReadAllText(Path.Combine(fixture.CharmDirectory, "charmcraft.yaml")))!.AsObject();

    private static int Mode(ZipArchive zip, string name) => (zip.GetEntry(name)!.ExternalAttributes >> 16) & 0x1FF;

    private static string Text(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static byte[] Head(ZipArchive zip, string name, int count)
    {
        using var stream = zip.GetEntry(name)!.Open();
        var bytes = new byte[count];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
