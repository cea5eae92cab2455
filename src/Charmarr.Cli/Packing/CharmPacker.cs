using Charmarr.Ops.Metadata;

namespace Charmarr.Cli.Packing;

/// <summary><c>charmarr pack</c>: charmcraft.yaml + the charm project → one <c>&lt;name&gt;_&lt;base&gt;-&lt;arch&gt;.charm</c> per amd64 base.</summary>
internal sealed class CharmPacker(Progress progress, TimeProvider clock)
{
    /// <summary>The only architecture charmarr builds: Native AOT compiles for the machine's own linux-x64.</summary>
    public const string Architecture = "amd64";

    private static readonly string[] OptionalFiles = ["README.md", "LICENSE", "icon.svg"];

    /// <summary>Reads and checks <c>charmcraft.yaml</c> in <paramref name="charmDirectory"/>.</summary>
    /// <exception cref="CliException">The file is missing or wrong (the message reads <c>charmcraft.yaml:LINE:COL: …</c>).</exception>
    public static CharmcraftProject ReadProject(string charmDirectory)
    {
        var path = Path.Combine(charmDirectory, "charmcraft.yaml");
        if (!File.Exists(path))
        {
            throw new CliException(Directory.Exists(charmDirectory)
                ? $"{charmDirectory} has no charmcraft.yaml; run charmarr pack in (or on) a charm's source directory"
                : $"{charmDirectory} does not exist");
        }

        try
        {
            return CharmcraftReader.Parse(File.ReadAllText(path), Path.GetRelativePath(Environment.CurrentDirectory, path));
        }
        catch (CharmMetadataException e)
        {
            throw new CliException(e.Message, e);
        }
    }

    /// <summary>Packs the charm, whose project is found by <see cref="CharmProjectLocator"/>, and returns the .charm files written.</summary>
    public Task<IReadOnlyList<string>> PackAsync(string charmDirectory, string outputDirectory, CancellationToken cancellationToken) =>
        PackAsync(charmDirectory, null, outputDirectory, cancellationToken);

    /// <summary>Packs the charm and returns the .charm files written.</summary>
    /// <param name="charmDirectory">The folder holding charmcraft.yaml.</param>
    /// <param name="projectPath">The charm's .csproj (or its folder); <see langword="null"/> to find it.</param>
    /// <param name="outputDirectory">Where the .charm files go.</param>
    /// <param name="cancellationToken">Stops the publish.</param>
    public async Task<IReadOnlyList<string>> PackAsync(string charmDirectory, string? projectPath, string outputDirectory, CancellationToken cancellationToken)
    {
        var project = ReadProject(charmDirectory);
        charmDirectory = Path.GetFullPath(charmDirectory);
        var name = project.Metadata.Name;
        var bases = project.Bases.Where(b => b.Architecture == Architecture).ToList();
        if (bases.Count == 0)
        {
            throw new CliException($"charmcraft.yaml builds for {string.Join(", ", project.Bases.Select(b => b.Architecture).Distinct())} only; charmarr builds amd64 (linux-x64): add 'amd64:' under platforms");
        }

        foreach (var skipped in project.Bases.Where(b => b.Architecture != Architecture))
        {
            progress.Step($"Skipping {skipped.BaseName}-{skipped.Architecture}: charmarr compiles for amd64 only (Native AOT does not cross-compile here)");
        }

        progress.Step($"Read charmcraft.yaml: charm '{name}', {bases.Count} base(s): {string.Join(", ", bases.Select(b => b.BaseName))}");
        var csproj = CharmProjectLocator.Find(charmDirectory, projectPath);
        var work = Path.Combine(Path.GetTempPath(), $"charmarr-pack-{name}-{Guid.NewGuid():N}");
        try
        {
            var binary = await PublishOrReuseAsync(charmDirectory, csproj, Path.Combine(work, "publish"), cancellationToken);
            progress.Step($"Native binary: {Path.GetFileName(binary)}, {new FileInfo(binary).Length / 1024.0 / 1024.0:0.0} MiB");
            var stage = Path.Combine(work, "stage");
            Directory.CreateDirectory(stage);
            var files = Stage(project, charmDirectory, binary, stage);
            Directory.CreateDirectory(outputDirectory);
            var written = new List<string>();
            foreach (var charmBase in bases)
            {
                var manifest = Path.Combine(stage, "manifest.yaml");
                File.WriteAllText(manifest, CharmFileRenderer.Manifest(charmBase, clock.GetUtcNow(), $"charmarr {ToolVersion.Current}"));
                var archive = Path.Combine(outputDirectory, charmBase.ArchiveName(name));
                CharmArchive.Write(archive, [.. files, new CharmArchive.Entry("manifest.yaml", manifest, false)]);
                progress.Step($"Packed {Path.GetRelativePath(Environment.CurrentDirectory, archive)} ({new FileInfo(archive).Length / 1024.0 / 1024.0:0.0} MiB)");
                written.Add(archive);
            }

            return written;
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>Where the last publish is kept; <see langword="null"/> to publish every time.
    /// Default: <see cref="PublishCache.For"/> the charm's folder.</summary>
    public Func<string, PublishCache?> Cache { get; init; } = PublishCache.For;

    // The last publish when its inputs (sources, project files, SDK) hash the same; else a fresh publish, then kept.
    private async Task<string> PublishOrReuseAsync(string charmDirectory, string csproj, string publishDirectory, CancellationToken cancellationToken)
    {
        var cache = Cache(charmDirectory);
        if (cache is null)
        {
            return await AotPublisher.PublishAsync(csproj, publishDirectory, progress, cancellationToken);
        }

        progress.Step($"Hashing the publish inputs of {Path.GetFileName(csproj)} (sources, project files, SDK version)");
        var sdk = await AotPublisher.SdkVersionAsync(Path.GetDirectoryName(csproj)!, cancellationToken);
        var hash = PublishInputs.Hash(charmDirectory, csproj, sdk);
        if (cache.Find(hash) is { } reused)
        {
            progress.Step($"Publish up to date (inputs unchanged, SDK {sdk}), reused {Path.GetRelativePath(Environment.CurrentDirectory, reused)}");
            return reused;
        }

        var binary = await AotPublisher.PublishAsync(csproj, publishDirectory, progress, cancellationToken);
        return cache.Store(hash, binary);
    }

    // dispatch, the binary, the generated YAML, and README/LICENSE/icon.svg when the source has them.
    private static List<CharmArchive.Entry> Stage(CharmcraftProject project, string charmDirectory, string binary, string stage)
    {
        var binaryName = Path.GetFileName(binary);
        var metadata = CharmFileRenderer.Metadata(project);
        var config = CharmFileRenderer.Config(project);
        var actions = CharmFileRenderer.Actions(project);
        var entries = new List<CharmArchive.Entry>
        {
            new(binaryName, binary, true),
            new("dispatch", Write(stage, "dispatch", CharmFileRenderer.Dispatch(binaryName)), true),
            new("metadata.yaml", Write(stage, "metadata.yaml", metadata), false),
        };
        if (config is not null)
        {
            entries.Add(new("config.yaml", Write(stage, "config.yaml", config), false));
        }

        if (actions is not null)
        {
            entries.Add(new("actions.yaml", Write(stage, "actions.yaml", actions), false));
        }

        entries.Add(new(CompiledMetadata.RelativePath, WriteCompiledMetadata(stage, metadata, config, actions), false));

        entries.AddRange(OptionalFiles.Select(f => Path.Combine(charmDirectory, f)).Where(File.Exists)
            .Select(f => new CharmArchive.Entry(Path.GetFileName(f), f, false)));
        return entries;
    }

    // The metadata every dispatch needs, parsed here once from the very texts the charm carries (see CompiledMetadata).
    private static string WriteCompiledMetadata(string stage, string metadata, string? config, string? actions)
    {
        var parsed = CharmMetadata.ParsePacked(metadata, config, actions);
        var hash = CompiledMetadata.HashSources(Utf8(metadata), config is null ? null : Utf8(config), actions is null ? null : Utf8(actions));
        var path = Path.Combine(stage, Path.GetFileName(CompiledMetadata.RelativePath));
        File.WriteAllBytes(path, CompiledMetadata.Encode(parsed, hash));
        return path;

        static byte[] Utf8(string text) => new System.Text.UTF8Encoding(false).GetBytes(text);
    }

    private static string Write(string directory, string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
