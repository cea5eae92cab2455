using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Charmarr.Ops.Metadata;
using Xunit;

namespace Charmarr.Ops.Tests.Metadata;

/// <summary>The compact metadata image <c>charmarr pack</c> writes, and <see cref="CharmMetadata.Load"/>'s use of it.</summary>
public sealed class CompiledMetadataTests : IDisposable
{
    private const string MetadataYaml = """
        name: imaged
        summary: A charm with one of everything.
        description: |
          Long text.
        containers:
          web:
            resource: web-image
            mounts:
              - storage: data
                location: /data
        resources:
          web-image:
            type: oci-image
            description: The image.
            upstream-source: ghcr.io/example/web:1.0
          blob:
            type: file
            filename: blob.tar
        storage:
          data:
            type: filesystem
            location: /data
            minimum-size: 1G
            multiple:
              range: 0-
        requires:
          db:
            interface: postgresql_client
            limit: 1
            optional: true
        provides:
          metrics:
            interface: prometheus_scrape
        peers:
          cluster:
            interface: imaged_peers
        extra-bindings:
          public: {}
        """;

    private const string ConfigYaml = """
        options:
          port:
            type: int
            default: 8080
            description: The port.
          ratio:
            type: float
            default: 0.5
          debug:
            type: boolean
            default: false
          name:
            type: string
            default: "0012"
          token:
            type: secret
        """;

    private const string ActionsYaml = """
        backup:
          description: Backs up.
          params:
            target:
              type: string
              enum: [local, s3]
              default: local
            options:
              type: object
              default: {nested: [1, 2.5, "x", true, null]}
          required: [target]
          additionalProperties: false
        noop: {}
        """;

    private readonly string dir = Directory.CreateTempSubdirectory("charmarr-compiled-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void An_image_decodes_to_metadata_equal_in_every_property_to_the_parsed_yaml()
    {
        var parsed = CharmMetadata.ParsePacked(MetadataYaml, ConfigYaml, ActionsYaml);

        var decoded = CompiledMetadata.TryDecode(CompiledMetadata.Encode(parsed, 42), 42);

        Assert.NotNull(decoded);
        AssertDeepEqual(parsed, decoded, "metadata");
    }

    [Theory]
    [InlineData("charms/plex-k8s/charmcraft.yaml")]
    [InlineData("templates/charmarr-charm/charmcraft.yaml")]
    public void The_repository_charms_round_trip(string charmcraft)
    {
        var parsed = CharmMetadata.ParseCharmcraft(File.ReadAllText(Path.Combine(RepositoryRoot(), charmcraft)));

        AssertDeepEqual(parsed, CompiledMetadata.TryDecode(CompiledMetadata.Encode(parsed, 7), 7)!, "metadata");
    }

    [Fact]
    public void Defaults_keep_their_json_value_types()
    {
        var decoded = CompiledMetadata.TryDecode(CompiledMetadata.Encode(CharmMetadata.ParsePacked(MetadataYaml, ConfigYaml, ActionsYaml), 1), 1)!;

        Assert.True(decoded.Config["port"].Default!.AsValue().TryGetValue<long>(out var port));
        Assert.Equal(8080, port);
        Assert.True(decoded.Config["ratio"].Default!.AsValue().TryGetValue<double>(out var ratio));
        Assert.Equal(0.5, ratio);
        Assert.False(decoded.Config["debug"].Default!.GetValue<bool>());
        Assert.Equal("0012", decoded.Config["name"].Default!.GetValue<string>());
        Assert.Null(decoded.Config["token"].Default);
        Assert.Equal("""{"nested":[1,2.5,"x",true,null]}""", decoded.Actions["backup"].Params["options"].Default!.ToJsonString());
    }

    [Fact]
    public void Load_uses_an_image_made_from_the_files_beside_it()
    {
        WritePacked();
        // An image that says something the YAML does not: only reading the image can give this name.
        var marked = CharmMetadata.ParsePacked(MetadataYaml, ConfigYaml, ActionsYaml) with { Name = "from-the-image" };
        WriteImage(CompiledMetadata.Encode(marked, SourceHash()));

        Assert.Equal("from-the-image", CharmMetadata.Load(dir).Name);
    }

    [Fact]
    public void Load_ignores_an_image_once_a_yaml_file_changed()
    {
        WritePacked();
        var marked = CharmMetadata.ParsePacked(MetadataYaml, ConfigYaml, ActionsYaml) with { Name = "from-the-image" };
        WriteImage(CompiledMetadata.Encode(marked, SourceHash()));

        File.AppendAllText(Path.Combine(dir, "config.yaml"), "\n  extra:\n    type: string\n");

        var loaded = CharmMetadata.Load(dir);
        Assert.Equal("imaged", loaded.Name);
        Assert.Contains("extra", loaded.Config.Keys);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbage")]
    [InlineData("other-version")]
    [InlineData("trailing-bytes")]
    [InlineData("huge-count")]
    public void Load_falls_back_to_the_yaml_when_the_image_is_damaged(string damage)
    {
        WritePacked();
        var image = CompiledMetadata.Encode(CharmMetadata.ParsePacked(MetadataYaml, ConfigYaml, ActionsYaml) with { Name = "from-the-image" }, SourceHash());
        image = damage switch
        {
            "truncated" => image[..(image.Length / 2)],
            "garbage" => Encoding.UTF8.GetBytes("not an image at all"),
            "other-version" => [.. image[..4], (byte)(image[4] + 1), .. image[5..]],
            "trailing-bytes" => [.. image, 0],
            // The relation count (after magic, version, hash and three strings) replaced by a 7-bit-encoded 2^28.
            _ => HugeRelationCount(image),
        };
        WriteImage(image);

        Assert.Equal("imaged", CharmMetadata.Load(dir).Name);
    }

    [Fact]
    public void The_source_hash_depends_on_which_files_exist_and_on_every_byte()
    {
        var meta = Encoding.UTF8.GetBytes("name: a\n");
        var config = Encoding.UTF8.GetBytes("options: {}\n");

        var hashes = new[]
        {
            CompiledMetadata.HashSources(meta, null, null),
            CompiledMetadata.HashSources(meta, [], null),
            CompiledMetadata.HashSources(meta, null, []),
            CompiledMetadata.HashSources(meta, config, null),
            CompiledMetadata.HashSources(meta, null, config),
            CompiledMetadata.HashSources(Encoding.UTF8.GetBytes("name: b\n"), config, null),
        };

        Assert.Equal(hashes.Length, hashes.Distinct().Count());
        Assert.Equal(CompiledMetadata.HashSources(meta, config, null), CompiledMetadata.HashSources([.. meta], [.. config], null));
    }

    private static byte[] HugeRelationCount(byte[] image)
    {
        using var reader = new BinaryReader(new MemoryStream(image), Encoding.UTF8);
        reader.ReadBytes(4 + 1 + 8);
        reader.ReadString();
        reader.ReadString();
        reader.ReadString();
        var at = (int)reader.BaseStream.Position;
        return [.. image[..at], 0x80, 0x80, 0x80, 0x80, 0x01, .. image[(at + 1)..]];
    }

    private static string RepositoryRoot()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        while (here is not null && !File.Exists(Path.Combine(here.FullName, "Charmarr.sln")))
        {
            here = here.Parent;
        }

        return here?.FullName ?? throw new InvalidOperationException("Charmarr.sln not found above the test binaries");
    }

    // Compares public properties recursively, so a property added to the metadata records that the image forgets fails here.
    private static void AssertDeepEqual(object? expected, object? actual, string path)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual}");
                return;
            case string or bool or int or long or double or Enum:
                Assert.True(Equals(expected, actual), $"{path}: expected {expected}, got {actual}");
                return;
            case JsonNode node:
                var other = Assert.IsAssignableFrom<JsonNode>(actual);
                Assert.True(JsonNode.DeepEquals(node, other), $"{path}: expected {node.ToJsonString()}, got {other.ToJsonString()}");
                Assert.Equal(node.GetType(), other.GetType());
                return;
            case IDictionary dictionary:
                var actualDictionary = Assert.IsAssignableFrom<IDictionary>(actual);
                Assert.Equal(dictionary.Keys.Cast<object>().ToArray(), actualDictionary.Keys.Cast<object>().ToArray());
                foreach (var key in dictionary.Keys)
                {
                    AssertDeepEqual(dictionary[key], actualDictionary[key], $"{path}[{key}]");
                }

                return;
            case IEnumerable list:
                var expectedItems = list.Cast<object?>().ToArray();
                var actualItems = Assert.IsAssignableFrom<IEnumerable>(actual).Cast<object?>().ToArray();
                Assert.Equal(expectedItems.Length, actualItems.Length);
                for (var i = 0; i < expectedItems.Length; i++)
                {
                    AssertDeepEqual(expectedItems[i], actualItems[i], $"{path}[{i}]");
                }

                return;
            default:
                Assert.NotNull(actual);
                Assert.Equal(expected.GetType(), actual.GetType());
                foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
                {
                    AssertDeepEqual(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
                }

                return;
        }
    }

    private void WritePacked()
    {
        File.WriteAllText(Path.Combine(dir, "metadata.yaml"), MetadataYaml);
        File.WriteAllText(Path.Combine(dir, "config.yaml"), ConfigYaml);
        File.WriteAllText(Path.Combine(dir, "actions.yaml"), ActionsYaml);
    }

    private ulong SourceHash() => CompiledMetadata.HashSources(
        File.ReadAllBytes(Path.Combine(dir, "metadata.yaml")),
        File.ReadAllBytes(Path.Combine(dir, "config.yaml")),
        File.ReadAllBytes(Path.Combine(dir, "actions.yaml")));

    private void WriteImage(byte[] image)
    {
        var path = Path.Combine(dir, CompiledMetadata.RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, image);
    }
}
