namespace Charmarr.Ops.Integration.Tests.Support;

/// <summary>
/// Drives the stand-in <c>juju</c> script (FakeJuju/juju): each <see cref="Expect"/> adds the next call it accepts and
/// its answer; <see cref="Client"/> gives a <see cref="JujuClient"/> that runs that script as its binary, through the
/// real process runner.
/// </summary>
internal sealed class FakeJuju : IDisposable
{
    private int steps;

    public FakeJuju()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fake-juju-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Directory, "tmp"));
        BinaryPath = System.IO.Path.Combine(AppContext.BaseDirectory, "FakeJuju", "juju");
        File.SetUnixFileMode(BinaryPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The scenario directory (FAKE_JUJU_SCENARIO).</summary>
    public string Directory { get; }

    /// <summary>The stand-in binary.</summary>
    public string BinaryPath { get; }

    /// <summary>Where the client writes its temporary files.</summary>
    public string TemporaryDirectory => System.IO.Path.Combine(Directory, "tmp");

    /// <summary>Adds the next expected call. <paramref name="files"/> are the contents of <c>@file:name</c> arguments.</summary>
    public FakeJuju Expect(
        IReadOnlyList<string> argv, string stdout = "", int exit = 0, string stderr = "", IReadOnlyDictionary<string, string>? files = null)
    {
        var step = System.IO.Path.Combine(Directory, (++steps).ToString(System.Globalization.CultureInfo.InvariantCulture));
        System.IO.Directory.CreateDirectory(step);
        File.WriteAllLines(System.IO.Path.Combine(step, "argv"), argv);
        File.WriteAllText(System.IO.Path.Combine(step, "stdout"), stdout);
        File.WriteAllText(System.IO.Path.Combine(step, "stderr"), stderr);
        File.WriteAllText(System.IO.Path.Combine(step, "exit"), exit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (name, content) in files ?? new Dictionary<string, string>())
        {
            File.WriteAllText(System.IO.Path.Combine(step, name), content);
        }

        return this;
    }

    /// <summary>Adds <c>juju version</c> answering the golden version of <paramref name="juju"/>.</summary>
    public FakeJuju ExpectVersion(string juju) => Expect(["version"], Golden.Read(juju, "version.txt"));

    /// <summary>A client running the stand-in as its juju binary.</summary>
    public JujuClient Client(string? model = "plex-it", TimeProvider? time = null) => new(new JujuClientOptions
    {
        Model = model,
        BinaryPath = BinaryPath,
        Environment = new Dictionary<string, string?> { ["FAKE_JUJU_SCENARIO"] = Directory },
        TemporaryDirectory = TemporaryDirectory,
        TimeProvider = time ?? TimeProvider.System,
    });

    /// <summary>The environment a process needs to run the stand-in.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?> { ["FAKE_JUJU_SCENARIO"] = Directory };

    /// <summary>What the stand-in saw of a file argument of step <paramref name="step"/>.</summary>
    public string SeenFile(int step, string name) => File.ReadAllText(System.IO.Path.Combine(Directory, step.ToString(System.Globalization.CultureInfo.InvariantCulture), name + ".seen"));

    /// <summary>The octal mode the file argument had when the stand-in read it.</summary>
    public string SeenFileMode(int step, string name) => File.ReadAllText(System.IO.Path.Combine(Directory, step.ToString(System.Globalization.CultureInfo.InvariantCulture), name + ".mode")).Trim();

    /// <summary>Every argv the stand-in was called with, one line each.</summary>
    public IReadOnlyList<string> Calls => File.Exists(System.IO.Path.Combine(Directory, "calls.log"))
        ? File.ReadAllLines(System.IO.Path.Combine(Directory, "calls.log")) : [];

    /// <summary>Fails unless every expected call came, in order, and no other.</summary>
    public void AssertAllCalled()
    {
        var unexpected = System.IO.Path.Combine(Directory, "unexpected");
        Assert.False(File.Exists(unexpected), File.Exists(unexpected) ? File.ReadAllText(unexpected) : "");
        var next = System.IO.Path.Combine(Directory, "next");
        var done = File.Exists(next) ? int.Parse(File.ReadAllText(next).Trim(), System.Globalization.CultureInfo.InvariantCulture) - 1 : 0;
        Assert.True(done == steps, $"{done} of {steps} expected juju calls were made:\n{string.Join('\n', Calls)}");
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
