using System.Reflection;

namespace Charmarr.Ops.Tests.EndToEnd;

/// <summary>A charm directory for the sample charm, laid out as Juju sees it: a <c>dispatch</c> script and the metadata.</summary>
internal sealed class SampleCharmDirectory : IDisposable
{
    public SampleCharmDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Juju runs charms on Linux; so do these tests");
        }

        var output = typeof(SampleCharmDirectory).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SampleCharmOutput").Value!;
        var dll = System.IO.Path.GetFullPath(System.IO.Path.Combine(output, "Charmarr.Ops.SampleCharm.dll"));
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"the sample charm is not built at {dll}");
        }

        Path = Directory.CreateTempSubdirectory("sample-charm-").FullName;
        File.Copy(System.IO.Path.Combine(output, "charmcraft.yaml"), System.IO.Path.Combine(Path, "charmcraft.yaml"));
        var dispatch = System.IO.Path.Combine(Path, "dispatch");
        File.WriteAllText(dispatch, $"#!/bin/sh\nexec dotnet \"{dll}\" \"$@\"\n");
        File.SetUnixFileMode(dispatch, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
