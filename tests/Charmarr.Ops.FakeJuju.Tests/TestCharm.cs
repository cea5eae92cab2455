using Charmarr.Ops.FakeJuju.Driver;
using Charmarr.Ops.FakeJuju.Model;

namespace Charmarr.Ops.FakeJuju.Tests;

/// A throwaway charm whose `dispatch` is a shell script, plus a FakeJujuUnit over it.
internal sealed class TestCharm : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fake-juju-charm-");

    public TestCharm(string script, FakeModel? model = null)
    {
        var dispatch = Path.Combine(_dir.FullName, "dispatch");
        File.WriteAllText(dispatch, "#!/bin/sh\n" + script.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dispatch, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Unit = new FakeJujuUnit(_dir.FullName, model ?? new FakeModel());
    }

    public FakeJujuUnit Unit { get; }

    public void Dispose()
    {
        Unit.Dispose();
        _dir.Delete(recursive: true);
    }
}
