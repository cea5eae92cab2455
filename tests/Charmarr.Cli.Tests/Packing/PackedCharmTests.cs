using System.Diagnostics;
using System.IO.Compression;
using Charmarr.Cli.Packing;
using Charmarr.Cli.Tests.Fixtures;
using Charmarr.Ops.Metadata;

namespace Charmarr.Cli.Tests.Packing;

/// <summary>plex-k8s as <c>charmarr pack</c> writes it: what Juju needs is in the archive, and the binary runs.</summary>
public sealed class PackedCharmTests(PackedPlexCharm charm)
{
    [Fact]
    public void The_archive_is_named_for_the_charm_base_and_architecture()
    {
        Assert.Equal("plex-k8s_ubuntu@24.04-amd64.charm", Path.GetFileName(charm.Path));
    }

    [Fact]
    public void The_archive_holds_dispatch_the_native_binary_and_the_yaml_juju_reads()
    {
        using var zip = ZipFile.OpenRead(charm.Path);

        Assert.Equal(
            [".charmarr/metadata.bin", "README.md", "actions.yaml", "config.yaml", "dispatch", "manifest.yaml", "metadata.yaml", "plex-k8s"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.Equal(0b111_101_101, Mode(zip, "dispatch"));
        Assert.Equal(0b111_101_101, Mode(zip, "plex-k8s"));
        Assert.Equal(0b110_100_100, Mode(zip, "metadata.yaml"));
    }

    [Fact]
    public void Dispatch_execs_the_binary_with_the_dispatch_path_set_as_ops_does()
    {
        using var zip = ZipFile.OpenRead(charm.Path);
        var dispatch = Read(zip, "dispatch");

        Assert.StartsWith("#!/bin/sh\n", dispatch, StringComparison.Ordinal);
        Assert.EndsWith("JUJU_DISPATCH_PATH=\"${JUJU_DISPATCH_PATH:-$0}\" exec ./plex-k8s\n", dispatch, StringComparison.Ordinal);
    }

    [Fact]
    public void The_metadata_is_valid_for_the_framework_and_matches_charmcraft_yaml()
    {
        using var zip = ZipFile.OpenRead(charm.Path);

        var packed = CharmMetadata.ParsePacked(Read(zip, "metadata.yaml"), Read(zip, "config.yaml"), Read(zip, "actions.yaml"));

        var source = CharmMetadata.ParseCharmcraft(File.ReadAllText(Path.Combine(RepositoryPaths.PlexCharm, "charmcraft.yaml")));
        Assert.Equal("plex-k8s", packed.Name);
        Assert.Equal(source.Relations, packed.Relations);
        Assert.Equal(source.Storage, packed.Storage);
        Assert.Equal(source.Resources, packed.Resources);
        Assert.Equal(source.Containers.Keys, packed.Containers.Keys);
        Assert.Equal(source.Containers["plex"].Mounts, packed.Containers["plex"].Mounts);
        Assert.Equal("plex-image", packed.Containers["plex"].Resource);
        Assert.Equal(source.Config.Values.Select(o => (o.Name, o.Type, o.Default?.ToJsonString())), packed.Config.Values.Select(o => (o.Name, o.Type, o.Default?.ToJsonString())));
        Assert.Equal(source.Actions.Keys, packed.Actions.Keys);
        Assert.Equal(["token"], packed.Actions["claim-server"].Required);
        Assert.False(packed.Actions["claim-server"].AdditionalProperties);
        Assert.Equal(source.Actions["claim-server"].Params.Keys, packed.Actions["claim-server"].Params.Keys);
        Assert.Contains("bases:\n  - name: ubuntu\n    channel: \"24.04\"\n    architectures:\n      - amd64\n", Read(zip, "manifest.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_compiled_metadata_image_matches_the_yaml_beside_it_and_is_what_a_dispatch_loads()
    {
        var directory = Directory.CreateTempSubdirectory("charmarr-unpacked-").FullName;
        try
        {
            CharmArchive.Extract(charm.Path, directory);
            var hash = CompiledMetadata.HashSources(
                File.ReadAllBytes(Path.Combine(directory, "metadata.yaml")),
                File.ReadAllBytes(Path.Combine(directory, "config.yaml")),
                File.ReadAllBytes(Path.Combine(directory, "actions.yaml")));
            var image = CompiledMetadata.TryDecode(File.ReadAllBytes(Path.Combine(directory, CompiledMetadata.RelativePath)), hash);
            var yaml = CharmMetadata.ParsePacked(
                File.ReadAllText(Path.Combine(directory, "metadata.yaml")),
                File.ReadAllText(Path.Combine(directory, "config.yaml")),
                File.ReadAllText(Path.Combine(directory, "actions.yaml")));

            Assert.NotNull(image);
            Assert.Equal(yaml.Relations, image.Relations);
            Assert.Equal(yaml.Storage, image.Storage);
            Assert.Equal(yaml.Resources, image.Resources);
            Assert.Equal(yaml.Config.Values.Select(o => (o.Name, o.Type, o.Default?.ToJsonString(), o.Description)), image.Config.Values.Select(o => (o.Name, o.Type, o.Default?.ToJsonString(), o.Description)));
            Assert.Equal(yaml.Actions.Keys, image.Actions.Keys);
            Assert.Equal(yaml.Actions["claim-server"].Params.Keys, image.Actions["claim-server"].Params.Keys);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_binary_is_native_and_runs_outside_juju_with_a_clear_error()
    {
        var directory = Directory.CreateTempSubdirectory("charmarr-unpacked-").FullName;
        try
        {
            CharmArchive.Extract(charm.Path, directory);
            var binary = Path.Combine(directory, "plex-k8s");
            var header = new byte[4];
            await using (var file = File.OpenRead(binary))
            {
                await file.ReadExactlyAsync(header, TestContext.Current.CancellationToken);
            }

            var start = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = directory };
            start.Environment.Clear();
            using var process = Process.Start(start)!;
            var stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], header);
            Assert.NotEqual(0, process.ExitCode);
            Assert.Contains("JUJU_UNIT_NAME is not set", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Pack_reported_its_steps()
    {
        Assert.Contains("» Publishing PlexK8s.csproj as Native AOT for linux-x64 (this takes 1–3 minutes the first time) …\n", charm.ProgressText.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("» Publishing PlexK8s.csproj as Native AOT for linux-x64 (this takes 1–3 minutes the first time): done in", charm.ProgressText, StringComparison.Ordinal);
        Assert.Contains("» Packed ", charm.ProgressText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_pack_with_unchanged_inputs_reuses_the_publish_and_packs_the_same_binary()
    {
        using var first = ZipFile.OpenRead(charm.Path);
        using var second = ZipFile.OpenRead(charm.RepackPath);

        Assert.Contains("» Publish up to date (inputs unchanged, SDK ", charm.RepackProgressText, StringComparison.Ordinal);
        Assert.DoesNotContain("» Publishing", charm.RepackProgressText, StringComparison.Ordinal);
        Assert.Equal(Bytes(first, "plex-k8s"), Bytes(second, "plex-k8s"));
    }

    private static byte[] Bytes(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static int Mode(ZipArchive zip, string name) => (zip.GetEntry(name)!.ExternalAttributes >> 16) & 0x1FF;

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
