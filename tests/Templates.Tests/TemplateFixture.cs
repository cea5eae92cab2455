using System.Xml.Linq;

namespace Charmarr.Templates.Tests;

/// <summary>
/// Does the slow part once, the way the README tells a new user to: in a fresh clone of this repository (the committed
/// tree plus the working tree's changes) and a private HOME, NuGet cache and template hive, it runs the bash blocks of
/// the README's "Start a new charm" section verbatim, in one shell, as a reader would paste them: the seven packages
/// packed into <c>artifacts/packages</c>, the template installed from there, a charm created with <c>--feed</c>, its
/// <c>dotnet test</c>, the <c>charmarr</c> tool installed globally from the feed, the charm packed with it (a Native
/// AOT publish: minutes) and its deploy story simulated. Everything lives in one temporary directory, removed
/// afterwards; the machine's template hive, tools and NuGet cache are only read (the cache, minus any Charmarr package,
/// as a fallback folder, so that nothing already downloaded is downloaded again).
/// </summary>
public sealed class TemplateFixture : IAsyncLifetime
{
    public const string CharmArgument = "my-app";

    /// <summary>The README section whose bash blocks the fixture runs.</summary>
    public const string StartSection = "Start a new charm";

    /// <summary>The prefix of bash's trace of each command it runs (PS4).</summary>
    private const string Trace = "+readme: ";

    public string Root { get; } = Directory.CreateTempSubdirectory("charmarr-template-test-").FullName;

    /// <summary>The fresh clone of this repository the README's commands run in.</summary>
    public string Clone => Path.Combine(Root, "repo");

    /// <summary>The private HOME (and DOTNET_CLI_HOME) of every command.</summary>
    public string Home => Path.Combine(Root, "home");

    /// <summary>The private global packages folder (NUGET_PACKAGES).</summary>
    public string PackagesFolder => Path.Combine(Home, ".nuget", "packages");

    /// <summary>The version the README's <c>dotnet pack</c> gives the packages: this repository's.</summary>
    public string Version { get; } = RepositoryFiles.VersionPrefix;

    /// <summary>The local feed the README's <c>dotnet pack</c> writes.</summary>
    public string Feed => Path.Combine(Clone, "artifacts", "packages");

    /// <summary>The charm made with <c>dotnet new charmarr-charm -n my-app</c>.</summary>
    public string CharmDirectory => Path.Combine(Clone, CharmArgument);

    /// <summary>The environment every command runs with: the private HOME, NuGet cache and tool path.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["HOME"] = Home,
        ["DOTNET_CLI_HOME"] = Home,
        ["NUGET_PACKAGES"] = PackagesFolder,
        // Where `dotnet tool install --global` puts commands; the SDK's installers add it to a user's PATH.
        ["PATH"] = $"{ToolPath}{Path.PathSeparator}{System.Environment.GetEnvironmentVariable("PATH")}",
    };

    /// <summary>The script run: the section's bash blocks, in order, after the shell options.</summary>
    public string ReadmeScript { get; private set; } = "";

    /// <summary>Each command bash ran (as traced, globs expanded) with what it printed.</summary>
    public IReadOnlyList<(string Command, string Output)> Steps { get; private set; } = [];

    /// <summary>What <c>dotnet test</c> printed for the new charm.</summary>
    public string TestOutput => Step("dotnet test");

    /// <summary>The tool path the <c>charmarr</c> tool package was installed into (the global one of the private HOME).</summary>
    public string ToolPath => Path.Combine(Home, ".dotnet", "tools");

    /// <summary>The installed <c>charmarr</c> command.</summary>
    public string Charmarr => Path.Combine(ToolPath, "charmarr");

    /// <summary>What the installed <c>charmarr --help</c> printed.</summary>
    public string ToolHelp { get; private set; } = "";

    /// <summary>What <c>charmarr pack</c> of the new charm printed.</summary>
    public string PackOutput => Step("charmarr pack");

    /// <summary>The .charm <c>charmarr pack</c> wrote for the new charm.</summary>
    public string PackedCharm { get; private set; } = "";

    /// <summary>What <c>charmarr simulate</c> of the packed charm with its simulate.yaml printed (it exited 0).</summary>
    public string SimulateOutput => Step("charmarr simulate");

    public async ValueTask InitializeAsync()
    {
        await CloneRepositoryAsync();
        PrepareHome();

        var blocks = ReadmeBlocks.Bash(await File.ReadAllTextAsync(Path.Combine(Clone, "README.md")), StartSection);
        ReadmeScript = string.Join('\n', ["set -euo pipefail", "exec 2>&1", $"PS4='{Trace}'", "set -x", .. blocks]) + "\n";
        var output = await DotnetCli.RunProgramAsync(Environment, "bash", Clone, "-c", ReadmeScript);
        Steps = SplitSteps(output);

        ToolHelp = await DotnetCli.RunProgramAsync(Environment, Charmarr, Root, "--help");
        PackedCharm = Directory.GetFiles(CharmDirectory, "*.charm").Single();
    }

    /// <summary>Runs <c>dotnet new charmarr-charm -n <paramref name="name"/></c> into <paramref name="output"/>, with the
    /// template the README installed.</summary>
    /// <param name="name">The -n value.</param>
    /// <param name="output">The new charm's folder.</param>
    /// <param name="options">More template options, e.g. <c>--charmarr-version 1.2.3</c>.</param>
    public Task<string> NewCharmAsync(string name, string output, params string[] options) =>
        DotnetCli.RunProgramAsync(Environment, "dotnet", Root, ["new", "charmarr-charm", "-n", name, "-o", output, .. options]);

    /// <summary>What the first command starting with <paramref name="command"/> printed.</summary>
    /// <param name="command">The command's start, e.g. <c>dotnet test</c>.</param>
    /// <returns>Its output.</returns>
    public string Step(string command)
    {
        var steps = Steps.Where(s => s.Command.StartsWith(command, StringComparison.Ordinal)).Select(s => s.Output).ToList();
        return steps.Count > 0
            ? steps[0]
            : throw new InvalidOperationException($"the README's \"{StartSection}\" ran no `{command}`; it ran:\n{string.Join('\n', Steps.Select(s => s.Command))}");
    }

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

    private static List<(string Command, string Output)> SplitSteps(string output)
    {
        var steps = new List<(string Command, string Output)>();
        string? command = null;
        var text = new System.Text.StringBuilder();
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith(Trace, StringComparison.Ordinal))
            {
                if (command is not null)
                {
                    steps.Add((command, text.ToString()));
                }

                command = line[Trace.Length..].TrimEnd();
                text.Clear();
            }
            else
            {
                text.Append(line).Append('\n');
            }
        }

        if (command is not null)
        {
            steps.Add((command, text.ToString()));
        }

        return steps;
    }

    /// <summary>A clone of this repository at its HEAD, with the working tree's uncommitted changes copied over it, so
    /// that the README's commands see what a fresh clone would (no bin/, obj/ or artifacts/).</summary>
    private async Task CloneRepositoryAsync()
    {
        var source = RepositoryFiles.Root;
        var head = (await Git(source, "rev-parse", "HEAD")).Trim();
        await Git(Root, "clone", "--quiet", "--shared", "--no-checkout", source, Clone);
        await Git(Clone, "checkout", "--quiet", "--detach", head);

        foreach (var file in Lines(await Git(source, "ls-files", "--cached", "--others", "--exclude-standard")))
        {
            var from = Path.Combine(source, file);
            if (File.Exists(from))
            {
                var to = Path.Combine(Clone, file);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(from, to, overwrite: true);
            }
        }

        foreach (var file in Lines(await Git(source, "ls-files", "--deleted")))
        {
            File.Delete(Path.Combine(Clone, file));
        }

        static IEnumerable<string> Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        static Task<string> Git(string directory, params string[] arguments) =>
            DotnetCli.RunProgramAsync("git", directory, ["-c", "core.quotePath=false", .. arguments]);
    }

    /// <summary>The private HOME: the machine's user NuGet.Config (its sources), plus a fallback folder that shows the
    /// machine's NuGet cache without any Charmarr package, so that only this run's build of those can be restored.</summary>
    private void PrepareHome()
    {
        var userProfile = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        var machineCache = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(userProfile, ".nuget", "packages");
        var fallback = Path.Combine(Root, "machine-packages");
        Directory.CreateDirectory(fallback);
        if (Directory.Exists(machineCache))
        {
            foreach (var package in Directory.EnumerateDirectories(machineCache)
                .Where(p => !Path.GetFileName(p).StartsWith("charmarr.", StringComparison.OrdinalIgnoreCase)))
            {
                Directory.CreateSymbolicLink(Path.Combine(fallback, Path.GetFileName(package)), package);
            }
        }

        var machineConfig = Path.Combine(userProfile, ".nuget", "NuGet", "NuGet.Config");
        var config = File.Exists(machineConfig)
            ? XDocument.Load(machineConfig)
            : XDocument.Parse("""<configuration><packageSources><add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" /></packageSources></configuration>""");
        config.Root!.Elements("fallbackPackageFolders").Remove();
        config.Root.Add(new XElement("fallbackPackageFolders", new XElement("add", new XAttribute("key", "machine"), new XAttribute("value", fallback))));
        var homeConfig = Path.Combine(Home, ".nuget", "NuGet", "NuGet.Config");
        Directory.CreateDirectory(Path.GetDirectoryName(homeConfig)!);
        config.Save(homeConfig);
        Directory.CreateDirectory(PackagesFolder);
    }
}

[CollectionDefinition(Name)]
public sealed class TemplateGroup : ICollectionFixture<TemplateFixture>
{
    public const string Name = "template";
}
