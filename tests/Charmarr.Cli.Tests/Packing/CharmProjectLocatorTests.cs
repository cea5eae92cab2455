using Charmarr.Cli.Packing;

namespace Charmarr.Cli.Tests.Packing;

/// <summary>Which project <c>charmarr pack</c> publishes, in plex-k8s's layout, the template's, and the ambiguous ones.</summary>
public sealed class CharmProjectLocatorTests : IDisposable
{
    private const string Executable = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup></Project>";
    private const string Library = "<Project Sdk=\"Microsoft.NET.Sdk\" />";

    private readonly string charm = Directory.CreateTempSubdirectory("charmarr-locate-").FullName;

    public void Dispose() => Directory.Delete(charm, recursive: true);

    [Fact]
    public void The_project_beside_charmcraft_yaml_is_the_charm()
    {
        var project = Write("PlexK8s.csproj", Executable);
        Write("src/Other/Other.csproj", Executable);

        Assert.Equal(project, CharmProjectLocator.Find(charm, null));
    }

    [Fact]
    public void In_the_template_layout_the_executable_project_under_src_is_the_charm_and_the_tests_are_not()
    {
        var project = Write("src/MyApp/MyApp.csproj", Executable);
        Write("src/MyApp.Shared/MyApp.Shared.csproj", Library);
        Write("tests/MyApp.Tests/MyApp.Tests.csproj", Executable);

        Assert.Equal(project, CharmProjectLocator.Find(charm, null));
    }

    [Fact]
    public void A_single_project_under_src_is_the_charm_even_when_its_output_type_comes_from_elsewhere()
    {
        var project = Write("src/MyApp/MyApp.csproj", Library);

        Assert.Equal(project, CharmProjectLocator.Find(charm, null));
    }

    [Theory]
    [InlineData("src/One/One.csproj", "src/Two/Two.csproj")]
    [InlineData("A.csproj", "B.csproj")]
    public void Two_candidates_are_listed_and_project_is_asked_for(string first, string second)
    {
        Write(first, Executable);
        Write(second, Executable);

        var error = Assert.Throws<CliException>(() => CharmProjectLocator.Find(charm, null));

        Assert.Contains($"({first}, {second}); name one with --project <path>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_project_anywhere_says_where_one_is_expected()
    {
        Write("tests/MyApp.Tests/MyApp.Tests.csproj", Executable);

        var error = Assert.Throws<CliException>(() => CharmProjectLocator.Find(charm, null));

        Assert.Contains("put its .csproj beside charmcraft.yaml or in src/<Name>/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_names_the_file_or_its_folder_and_wins_over_the_search()
    {
        Write("Root.csproj", Executable);
        var chosen = Write("src/Two/Two.csproj", Executable);

        Assert.Equal(chosen, CharmProjectLocator.Find(charm, chosen));
        Assert.Equal(chosen, CharmProjectLocator.Find(charm, Path.GetDirectoryName(chosen)));
    }

    [Fact]
    public void Project_that_does_not_exist_is_refused()
    {
        var missing = Path.Combine(charm, "Nope.csproj");

        var error = Assert.Throws<CliException>(() => CharmProjectLocator.Find(charm, missing));

        Assert.Equal($"--project {missing} does not exist", error.Message);
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(charm, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
