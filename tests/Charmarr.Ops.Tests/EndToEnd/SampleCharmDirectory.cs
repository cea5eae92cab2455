using System.Reflection;
using Charmarr.Ops.FakeJuju.Driver;

namespace Charmarr.Ops.Tests.EndToEnd;

/// <summary>The sample charm's build output, laid out as a charm directory.</summary>
internal static class SampleCharmDirectory
{
    public static DotnetCharmDirectory Create()
    {
        var output = typeof(SampleCharmDirectory).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SampleCharmOutput").Value!;
        return new DotnetCharmDirectory(
            Path.Combine(output, "Charmarr.Ops.SampleCharm.dll"),
            Path.Combine(output, "charmcraft.yaml"));
    }
}
