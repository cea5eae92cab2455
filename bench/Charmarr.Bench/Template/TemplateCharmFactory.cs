using System.Globalization;
using Charmarr.Cli;
using Charmarr.Cli.Packing;
using Charmarr.Shared;

namespace Charmarr.Bench.Template;

/// <summary>A packed charm made from the charmarr-charm template, and the managed assembly its native binary was compiled from.</summary>
/// <param name="Charm">The .charm.</param>
/// <param name="Assembly">The charm's IL assembly (for the Harness figures), or <see langword="null"/> when not given.</param>
internal sealed record TemplateCharm(string Charm, string? Assembly);

/// <summary>
/// Makes a charm the way a charm author would, from this checkout: packs Charmarr.Ops and the template package into a
/// local feed under a version of this run, installs the template into a private hive, runs
/// <c>dotnet new charmarr-charm -n bench-app</c> in a temporary folder and packs the new charm with <c>charmarr pack</c>
/// (a Native AOT publish). The .charm and the IL assembly the AOT compiler compiled are kept in artifacts/charms/; the
/// rest (feed, hive, package folder, the charm's source) is removed. The machine's template hive and NuGet cache are
/// only read.
/// </summary>
internal sealed class TemplateCharmFactory(Progress progress)
{
    public const string CharmArgument = "bench-app";

    // Only what `charmarr pack` of the new charm restores: its src project references Charmarr.Ops alone.
    private static readonly string[] PackedProjects = ["src/Charmarr.Ops/Charmarr.Ops.csproj", "templates/Charmarr.Templates.csproj"];

    /// <summary>The given .charm (and assembly), or a fresh one made from the template.</summary>
    public async Task<TemplateCharm> GetAsync(string? charm, string? assembly, CancellationToken cancellationToken)
    {
        if (charm is not null)
        {
            return new TemplateCharm(
                File.Exists(charm) ? Path.GetFullPath(charm) : throw new BenchException($"--template-charm {charm} does not exist; run the benchmark without it to make one"),
                assembly is null || File.Exists(assembly) ? assembly : throw new BenchException($"--template-assembly {assembly} does not exist; run the benchmark without --template-charm to make both"));
        }

        var repository = Repository.Root();
        var root = Directory.CreateTempSubdirectory("charmarr-bench-template-").FullName;
        try
        {
            return await CreateAsync(repository, root, cancellationToken);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private async Task<TemplateCharm> CreateAsync(string repository, string root, CancellationToken cancellationToken)
    {
        var prefix = Repository.VersionPrefix(repository);
        var suffix = $"bench.{DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
        var version = $"{prefix}-{suffix}";
        var feed = Path.Combine(root, "feed");
        var hive = Path.Combine(root, "hive");
        foreach (var project in PackedProjects)
        {
            // A build folder of its own, so that the repository's bin/ and obj/ stay as they are.
            await DotnetCommand.RunAsync(progress, $"Packing {Path.GetFileNameWithoutExtension(project)} {version} into a local feed", repository,
                "pack", project, "-c", "Release", "-o", feed, $"-p:VersionSuffix={suffix}",
                "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={Path.Combine(root, "build")}");
        }

        await DotnetCommand.RunAsync(progress, "Installing the charmarr-charm template into a private hive", root,
            "new", "install", Path.Combine(feed, $"Charmarr.Templates.{version}.nupkg"), "--debug:custom-hive", hive);
        var charmDirectory = Path.Combine(root, CharmArgument);
        await DotnetCommand.RunAsync(progress, $"dotnet new charmarr-charm -n {CharmArgument}", root,
            "new", "charmarr-charm", "-n", CharmArgument, "-o", charmDirectory, "--debug:custom-hive", hive);
        await File.WriteAllTextAsync(Path.Combine(charmDirectory, "NuGet.config"), LocalPackageFeed.NuGetConfig(feed, Path.Combine(root, "packages")), cancellationToken);

        var output = Repository.PackedCharms(repository);
        var packed = await new CharmPacker(progress, TimeProvider.System).PackAsync(charmDirectory, output, cancellationToken);
        var charm = packed.Count > 0 ? packed[0] : throw new BenchException($"charmarr pack produced no amd64 .charm for {CharmArgument}");
        var assembly = KeepAssembly(charmDirectory, output);
        progress.Step($"Kept {charm} and {assembly}; next time skip this with: --template-charm {charm} --template-assembly {assembly}");
        return new TemplateCharm(charm, assembly);
    }

    // The IL the AOT compiler compiled, left by the publish in obj/Release/<tfm>/linux-x64/ (ref/ and refint/ beneath
    // it hold reference assemblies of the same name, without the code).
    private static string KeepAssembly(string charmDirectory, string output)
    {
        var project = Directory.GetFiles(Path.Combine(charmDirectory, "src"), "*.csproj", SearchOption.AllDirectories).Single();
        var name = $"{Path.GetFileNameWithoutExtension(project)}.dll";
        var compiled = Directory.EnumerateFiles(Path.Combine(Path.GetDirectoryName(project)!, "obj", "Release"), name, SearchOption.AllDirectories)
            .SingleOrDefault(f => Path.GetFileName(Path.GetDirectoryName(f)) == "linux-x64")
            ?? throw new BenchException($"the publish of {project} left no {name} under obj/Release/*/linux-x64/, so the Harness cannot load the charm");
        var kept = Path.Combine(output, name);
        File.Copy(compiled, kept, overwrite: true);
        return kept;
    }
}
