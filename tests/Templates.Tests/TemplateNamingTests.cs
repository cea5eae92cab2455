namespace Charmarr.Templates.Tests;

/// <summary>How the <c>-n</c> value becomes the charm's name and the code's names.</summary>
[Collection(TemplateGroup.Name)]
public sealed class TemplateNamingTests(TemplateFixture fixture)
{
    [Theory]
    [InlineData("PlexK8s", "plex-k8s", "PlexK8s")]
    [InlineData("jellyfin-k8s", "jellyfin-k8s", "JellyfinK8s")]
    [InlineData("my_cool.App2", "my-cool-app2", "MyCoolApp2")]
    public async Task The_name_gives_a_kebab_case_charm_and_PascalCase_code(string name, string charmName, string pascalName)
    {
        var output = Path.Combine(fixture.Root, "names", charmName);

        await fixture.NewCharmAsync(name, output);

        var charmcraft = await File.ReadAllTextAsync(Path.Combine(output, "charmcraft.yaml"), TestContext.Current.CancellationToken);
        Assert.StartsWith($"name: {charmName}\n", charmcraft, StringComparison.Ordinal);
        var program = await File.ReadAllTextAsync(Path.Combine(output, "src", pascalName, "Program.cs"), TestContext.Current.CancellationToken);
        Assert.Contains($"{pascalName}App.Configure(CharmApp.CreateBuilder(args))", program, StringComparison.Ordinal);
        Assert.Contains($".Build<{pascalName}Charm>()", program, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "tests", $"{pascalName}.Tests", $"{pascalName}CharmTests.cs")));
    }
}
