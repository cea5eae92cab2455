using Charmarr.Bench.Peer;

namespace Charmarr.Bench.Tests.Peer;

/// <summary>Preparing the Python ops peer: a writable copy with a working interpreter link, or a clear reason why not.</summary>
public sealed class PeerCharmTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("bench-peer-").FullName;

    [Fact]
    public void A_missing_peer_is_reported_with_where_it_was_looked_for_and_the_option_to_give_it()
    {
        var (copy, problem) = PeerCharm.Prepare(Path.Combine(directory, "nowhere"), directory);

        Assert.Null(copy);
        Assert.Contains(Path.Combine(directory, "nowhere"), problem, StringComparison.Ordinal);
        Assert.Contains("--peer", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_copy_links_the_venvs_pythons_to_the_interpreter_pyvenv_cfg_names_and_drops_the_unit_state()
    {
        var peer = Path.Combine(directory, "source");
        var interpreter = Path.Combine(directory, "python3.11");
        File.WriteAllText(interpreter, "");
        Directory.CreateDirectory(Path.Combine(peer, "src"));
        Directory.CreateDirectory(Path.Combine(peer, "venv", "bin"));
        File.WriteAllText(Path.Combine(peer, "dispatch"), "#!/bin/sh\n");
        File.WriteAllText(Path.Combine(peer, "src", "charm.py"), "");
        File.WriteAllText(Path.Combine(peer, ".unit-state.db"), "");
        File.WriteAllText(Path.Combine(peer, "venv", "bin", "python"), "python3");
        File.WriteAllText(Path.Combine(peer, "venv", "pyvenv.cfg"), $"home = /nowhere\nexecutable = {interpreter}\n");

        var (copy, problem) = PeerCharm.Prepare(peer, Path.Combine(directory, "work"));

        Assert.Null(problem);
        Assert.Equal(Path.Combine(directory, "work", PeerCharm.DirectoryName), copy);
        Assert.False(File.Exists(Path.Combine(copy!, ".unit-state.db")));
        foreach (var name in (string[])["python", "python3", "python3.11"])
        {
            Assert.Equal(interpreter, new FileInfo(Path.Combine(copy!, "venv", "bin", name)).LinkTarget);
        }
    }

    [Fact]
    public void Pyvenv_cfg_lines_are_read_as_trimmed_key_value_pairs()
    {
        var settings = PeerCharm.ParseCfg(["home = /usr/bin", "include-system-site-packages = false", "junk"]);

        Assert.Equal(new Dictionary<string, string> { ["home"] = "/usr/bin", ["include-system-site-packages"] = "false" }, settings);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
