namespace Charmarr.Ops.FakeJuju.Driver;

/// A temporary charm directory laid out as Juju sees it, for a charm built as a .NET assembly:
/// an executable `dispatch` that runs the assembly, and the charm's metadata file beside it.
public sealed class DotnetCharmDirectory : IDisposable
{
    public DotnetCharmDirectory(string charmAssembly, string metadataFile)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Juju runs charms on Linux");
        }

        var dll = System.IO.Path.GetFullPath(charmAssembly);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"the charm is not built at {dll}", dll);
        }

        Path = Directory.CreateTempSubdirectory("charm-").FullName;
        File.Copy(metadataFile, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(metadataFile)));
        var dispatch = System.IO.Path.Combine(Path, "dispatch");
        File.WriteAllText(dispatch, $"#!/bin/sh\nexec dotnet \"{dll}\" \"$@\"\n");
        File.SetUnixFileMode(dispatch, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
