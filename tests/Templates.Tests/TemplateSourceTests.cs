namespace Charmarr.Templates.Tests;

/// <summary>Checks of the template's source folder that need no packing.</summary>
public sealed class TemplateSourceTests
{
    [Fact]
    public void The_template_pins_the_same_third_party_versions_as_this_repository()
    {
        var repository = RepositoryFiles.PackageVersions(Path.Combine(RepositoryFiles.Root, "Directory.Packages.props"));
        var template = RepositoryFiles.PackageVersions(Path.Combine(RepositoryFiles.TemplateDirectory, "Directory.Packages.props"));

        var thirdParty = template.Where(p => !p.Key.StartsWith("Charmarr.", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(thirdParty);
        Assert.All(thirdParty, p => Assert.Equal((p.Key, repository.GetValueOrDefault(p.Key)), (p.Key, p.Value)));
    }

    [Fact]
    public void Template_json_holds_no_backslash_which_the_version_stamping_at_pack_time_would_turn_into_a_slash()
    {
        var templateJson = File.ReadAllText(Path.Combine(RepositoryFiles.TemplateDirectory, ".template.config", "template.json"));

        Assert.DoesNotContain('\\', templateJson);
    }
}
