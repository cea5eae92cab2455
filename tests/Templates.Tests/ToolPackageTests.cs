using System.IO.Compression;
using System.Xml.Linq;

namespace Charmarr.Templates.Tests;

/// <summary>The <c>charmarr</c> tool package: what it holds, its metadata beside the libraries', and the tool installed from it.</summary>
[Collection(TemplateGroup.Name)]
public sealed class ToolPackageTests(TemplateFixture fixture)
{
    private const string ToolFolder = "tools/net10.0/any/";

    [Fact]
    public void The_package_holds_the_tool_and_its_native_hook_tool_shim_once()
    {
        using var zip = ZipFile.OpenRead(Package("Charmarr.Cli"));
        var entries = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Contains($"{ToolFolder}charmarr.dll", entries);
        Assert.Contains($"{ToolFolder}DotnetToolSettings.xml", entries);
        Assert.Contains("README.md", entries);
        Assert.Single(entries, e => e.EndsWith("/charmarr-hook-tool", StringComparison.Ordinal));
        var shim = zip.GetEntry($"{ToolFolder}shim/charmarr-hook-tool");
        Assert.NotNull(shim);
        using var stream = shim.Open();
        var magic = new byte[4];
        stream.ReadExactly(magic);
        Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], magic);
    }

    [Fact]
    public void The_package_declares_the_charmarr_command()
    {
        using var zip = ZipFile.OpenRead(Package("Charmarr.Cli"));
        using var settings = zip.GetEntry($"{ToolFolder}DotnetToolSettings.xml")!.Open();

        var command = XDocument.Load(settings).Descendants("Command").Single();

        Assert.Equal("charmarr", (string?)command.Attribute("Name"));
        Assert.Equal("charmarr.dll", (string?)command.Attribute("EntryPoint"));
    }

    [Fact]
    public void Its_metadata_matches_the_libraries_and_it_has_no_package_dependencies()
    {
        var tool = Nuspec("Charmarr.Cli");
        var library = Nuspec("Charmarr.Ops");

        Assert.Equal("DotnetTool", (string?)Element(tool, "packageType")?.Attribute("name"));
        Assert.Equal("README.md", Element(tool, "readme")?.Value);
        Assert.NotEqual("", Element(tool, "description")?.Value ?? "");
        foreach (var name in (string[])["authors", "license", "projectUrl", "copyright"])
        {
            Assert.Equal((name, Element(library, name)?.Value), (name, Element(tool, name)?.Value));
        }

        Assert.Equal((string?)Element(library, "repository")?.Attribute("url"), (string?)Element(tool, "repository")?.Attribute("url"));
        Assert.Null(Element(tool, "dependencies"));
    }

    [Fact]
    public void The_installed_tool_runs_and_its_shim_is_executable()
    {
        var shim = Directory.GetFiles(fixture.ToolPath, "charmarr-hook-tool", SearchOption.AllDirectories).Single();

        Assert.Contains("charmarr pack <charm dir>", fixture.ToolHelp, StringComparison.Ordinal);
        Assert.Contains("charmarr simulate <file.charm>", fixture.ToolHelp, StringComparison.Ordinal);
        Assert.NotEqual(UnixFileMode.None, File.GetUnixFileMode(shim) & UnixFileMode.UserExecute);
    }

    private string Package(string id) => Path.Combine(fixture.Feed, $"{id}.{fixture.Version}.nupkg");

    private XDocument Nuspec(string id)
    {
        using var zip = ZipFile.OpenRead(Package(id));
        using var stream = zip.GetEntry($"{id}.nuspec")!.Open();
        return XDocument.Load(stream);
    }

    private static XElement? Element(XDocument nuspec, string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name);
}
