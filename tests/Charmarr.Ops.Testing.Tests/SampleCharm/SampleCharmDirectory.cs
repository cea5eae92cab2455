using System.Reflection;

namespace Charmarr.Ops.Testing.Tests.SampleCharm;

/// <summary>Where the sample charm's source (and its charmcraft.yaml) lives.</summary>
internal static class SampleCharmDirectory
{
    public static string Path { get; } = typeof(SampleCharmDirectory).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SampleCharmDirectory").Value!;
}
