using System.Globalization;
using Charmarr.Shared;

namespace Charmarr.Templates.Tests;

/// <summary>
/// Does the slow part once: packs the five packages (Charmarr.Ops, Charmarr.Ops.Testing, Charmarr.Interfaces, the
/// template package and the <c>charmarr</c> tool) into a local feed under a version of its own, installs the template
/// into a private hive, creates a charm from it and runs that charm's <c>dotnet test</c> against the local feed plus the
/// machine's configured NuGet sources; then installs the tool from the feed into a tool path of its own, packs the new
/// charm with it (a Native AOT publish: minutes) and simulates the packed charm with the template's simulate.yaml.
/// Everything lives in one temporary directory, removed afterwards; the machine's template hive, tools and NuGet cache
/// are only read.
/// </summary>
public sealed class TemplateFixture : IAsyncLifetime
{
    public const string CharmArgument = "my-app";

    private static readonly string[] PackedProjects =
    [
        "src/Charmarr.Ops/Charmarr.Ops.csproj",
        "src/Charmarr.Ops.Testing/Charmarr.Ops.Testing.csproj",
        "src/Charmarr.Interfaces/Charmarr.Interfaces.csproj",
        "templates/Charmarr.Templates.csproj",
        "src/Charmarr.Cli/Charmarr.Cli.csproj",
    ];

    public string Root { get; } = Directory.CreateTempSubdirectory("charmarr-template-test-").FullName;

    /// <summary>The version the local packages were packed with: this repository's, with a suffix of this run.</summary>
    public string Version { get; } =
        $"{RepositoryFiles.VersionPrefix}-templatetest.{DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";

    public string Feed => Path.Combine(Root, "feed");

    public string Hive => Path.Combine(Root, "hive");

    /// <summary>The charm made with <c>dotnet new charmarr-charm -n my-app</c>.</summary>
    public string CharmDirectory => Path.Combine(Root, "charms", CharmArgument);

    /// <summary>What <c>dotnet test</c> printed for the new charm.</summary>
    public string TestOutput { get; private set; } = "";

    /// <summary>The tool path the <c>charmarr</c> tool package was installed into.</summary>
    public string ToolPath => Path.Combine(Root, "tool");

    /// <summary>The installed <c>charmarr</c> command.</summary>
    public string Charmarr => Path.Combine(ToolPath, "charmarr");

    /// <summary>What the installed <c>charmarr --help</c> printed.</summary>
    public string ToolHelp { get; private set; } = "";

    /// <summary>What <c>charmarr pack</c> of the new charm printed.</summary>
    public string PackOutput { get; private set; } = "";

    /// <summary>The .charm <c>charmarr pack</c> wrote for the new charm.</summary>
    public string PackedCharm { get; private set; } = "";

    /// <summary>What <c>charmarr simulate</c> of the packed charm with its simulate.yaml printed (it exited 0).</summary>
    public string SimulateOutput { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        foreach (var project in PackedProjects)
        {
            // A build directory of its own, so that the repository's bin/ and obj/ stay as they are.
            await DotnetCli.RunAsync(RepositoryFiles.Root, "pack", project, "-c", "Release", "-o", Feed,
                $"-p:VersionSuffix={Version[(RepositoryFiles.VersionPrefix.Length + 1)..]}",
                "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={Path.Combine(Root, "build")}");
        }

        await DotnetCli.RunAsync(Root, "new", "install", Path.Combine(Feed, $"Charmarr.Templates.{Version}.nupkg"), "--debug:custom-hive", Hive);
        await NewCharmAsync(CharmArgument, CharmDirectory);
        var nugetConfig = Path.Combine(CharmDirectory, "NuGet.config");
        await File.WriteAllTextAsync(nugetConfig, LocalPackageFeed.NuGetConfig(Feed, Path.Combine(Root, "packages")));
        TestOutput = await DotnetCli.RunAsync(CharmDirectory, "test", "-c", "Release");

        await DotnetCli.RunAsync(Root, "tool", "install", "Charmarr.Cli", "--tool-path", ToolPath, "--version", Version, "--configfile", nugetConfig);
        ToolHelp = await DotnetCli.RunProgramAsync(Charmarr, Root, "--help");
        var charms = Path.Combine(Root, "packed");
        PackOutput = await DotnetCli.RunProgramAsync(Charmarr, CharmDirectory, "pack", ".", "--output", charms);
        PackedCharm = Directory.GetFiles(charms, "*.charm").Single();
        SimulateOutput = await DotnetCli.RunProgramAsync(Charmarr, CharmDirectory, "simulate", PackedCharm, "simulate.yaml");
    }

    /// <summary>Runs <c>dotnet new charmarr-charm -n <paramref name="name"/></c> into <paramref name="output"/>.</summary>
    /// <param name="name">The -n value.</param>
    /// <param name="output">The new charm's folder.</param>
    /// <param name="options">More template options, e.g. <c>--charmarr-version 1.2.3</c>.</param>
    public Task<string> NewCharmAsync(string name, string output, params string[] options) =>
        DotnetCli.RunAsync(Root, ["new", "charmarr-charm", "-n", name, "-o", output, "--debug:custom-hive", Hive, .. options]);

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is not worth failing the run for.
        }

        return ValueTask.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class TemplateGroup : ICollectionFixture<TemplateFixture>
{
    public const string Name = "template";
}
