using Charmarr.Cli.Commands;
using Charmarr.Cli.Packing;

namespace Charmarr.Cli.Tests.Packing;

/// <summary>When a pack reuses the last publish: the input hash over sources, project files and the SDK version, and the
/// cache that keeps the binary beside it. No publish runs.</summary>
public sealed class PublishCacheTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("charmarr-inputs-").FullName;

    private string Charm => Path.Combine(root, "repo", "charm");

    private string Project => Path.Combine(Charm, "App.csproj");

    public PublishCacheTests()
    {
        Write("repo/Directory.Build.props", "<Project />");
        Write("repo/charm/charmcraft.yaml", "name: app\n");
        Write("repo/charm/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><ProjectReference Include=\"..\\lib\\Lib.csproj\" /></ItemGroup></Project>");
        Write("repo/charm/src/Program.cs", "return 0;");
        Write("repo/charm/NuGet.config", "<configuration />");
        Write("repo/charm/README.md", "# app");
        Write("repo/charm/simulate.yaml", "steps: []\n");
        Write("repo/lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Write("repo/lib/Thing.cs", "class Thing {}");
        Write("repo/lib/bin/Release/Thing.cs", "generated");
        Write("repo/unrelated/Other.cs", "class Other {}");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Theory]
    [InlineData("repo/charm/src/Program.cs")]
    [InlineData("repo/charm/App.csproj")]
    [InlineData("repo/charm/charmcraft.yaml")]
    [InlineData("repo/lib/Thing.cs")]
    [InlineData("repo/lib/Lib.csproj")]
    [InlineData("repo/Directory.Build.props")]
    [InlineData("repo/charm/NuGet.config")]
    public void The_hash_changes_when_a_source_or_project_file_the_publish_reads_changes(string file)
    {
        var before = Hash();

        Write(file, File.ReadAllText(Path.Combine(root, file)) + (file.EndsWith(".cs", StringComparison.Ordinal) ? "\n// changed" : "\n<!-- changed -->"));

        Assert.NotEqual(before, Hash());
    }

    [Fact]
    public void The_hash_changes_when_a_source_file_is_added_to_a_referenced_project_or_the_sdk_changes()
    {
        var before = Hash();

        Assert.NotEqual(before, PublishInputs.Hash(Charm, Project, "10.0.999"));
        Write("repo/lib/New.cs", "class New {}");
        Assert.NotEqual(before, Hash());
    }

    [Theory]
    [InlineData("repo/charm/README.md")]
    [InlineData("repo/charm/simulate.yaml")]
    [InlineData("repo/lib/bin/Release/Thing.cs")]
    [InlineData("repo/unrelated/Other.cs")]
    [InlineData("repo/charm/obj/project.assets.json")]
    [InlineData("repo/charm/.charmarr/publish/inputs.sha256")]
    public void The_hash_stays_when_a_file_the_publish_does_not_read_changes(string file)
    {
        var before = Hash();

        Write(file, "changed");

        Assert.Equal(before, Hash());
    }

    [Fact]
    public void The_inputs_are_the_charm_and_referenced_projects_sources_and_the_props_above_them()
    {
        var files = PublishInputs.Files(Charm, Project).Select(f => Path.GetRelativePath(root, f));

        Assert.Equal(
            ["repo/Directory.Build.props", "repo/charm/App.csproj", "repo/charm/NuGet.config", "repo/charm/charmcraft.yaml", "repo/charm/src/Program.cs", "repo/lib/Lib.csproj", "repo/lib/Thing.cs"],
            files);
    }

    [Fact]
    public void The_cache_returns_the_kept_binary_for_the_same_hash_only()
    {
        var cache = PublishCache.For(Charm);
        var binary = Write("publish/app", "\x7fELF binary");

        Assert.Null(cache.Find("h1"));
        var kept = cache.Store("h1", binary);

        Assert.Equal(Path.Combine(Charm, ".charmarr", "publish", "app"), kept);
        Assert.Equal(kept, cache.Find("h1"));
        Assert.Null(cache.Find("h2"));
        File.Delete(kept);
        Assert.Null(cache.Find("h1"));
    }

    [Fact]
    public void Demo_writes_into_the_repository_artifacts_inside_a_checkout_and_beside_the_charm_outside_one()
    {
        Assert.Equal(Path.Combine(Charm, ".charmarr", "charms"), DemoCommand.OutputDirectory(Charm));

        Write("repo/Charmarr.sln", "");
        Assert.Equal(Path.Combine(root, "repo", "artifacts", "charms"), DemoCommand.OutputDirectory(Charm));
    }

    [Fact]
    public async Task A_failed_step_reads_failed_never_done()
    {
        using var text = new StringWriter();
        var progress = new Progress(text, interactive: false);

        await progress.WhileAsync("Publishing x", Task.FromResult(1), exit => exit == 0);
        await Assert.ThrowsAsync<InvalidOperationException>(() => progress.WhileAsync("Failing", Task.FromException(new InvalidOperationException())));

        var lines = text.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.Equal(4, lines.Length);
        Assert.Equal("» Publishing x …", lines[0]);
        Assert.StartsWith("» Publishing x: failed after ", lines[1], StringComparison.Ordinal);
        Assert.Equal("» Failing …", lines[2]);
        Assert.StartsWith("» Failing: failed after ", lines[3], StringComparison.Ordinal);
        Assert.DoesNotContain("done", text.ToString(), StringComparison.Ordinal);
    }

    private string Hash() => PublishInputs.Hash(Charm, Project, "10.0.401");

    private string Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
