namespace Charmarr.Ops.Integration.Tests.Support;

/// <summary>The recorded-shape answers of Golden/juju-&lt;version&gt;/ (see Golden/SOURCES.md).</summary>
internal static class Golden
{
    /// <summary>The Juju versions every client test runs against.</summary>
    public static TheoryData<string> Versions => new("3.6", "4.0");

    /// <summary>A golden file's path.</summary>
    public static string Path(string juju, string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Golden", $"juju-{juju}", name);

    /// <summary>A golden file's text.</summary>
    public static string Read(string juju, string name) => File.ReadAllText(Path(juju, name));
}
