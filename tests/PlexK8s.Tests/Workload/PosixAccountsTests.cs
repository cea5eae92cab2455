using Charmarr.PlexK8s.Workload;

namespace Charmarr.PlexK8s.Tests.Workload;

public sealed class PosixAccountsTests
{
    private static string Group(string name) => $"{name}:x:1000:";

    [Fact]
    public void Missing_id_gets_a_plex_entry_appended()
    {
        var updated = PosixAccounts.WithEntry("root:x:0:\nusers:x:100:\n", 1000, Group);

        Assert.Equal("root:x:0:\nusers:x:100:\nplex:x:1000:\n", updated);
    }

    [Fact]
    public void Present_id_changes_nothing()
    {
        Assert.Null(PosixAccounts.WithEntry("root:x:0:\nabc:x:1000:\n", 1000, Group));
    }

    [Fact]
    public void Id_only_counts_in_the_id_field()
    {
        // uid 1001 whose primary group is 1000: ":1000:" appears, but not as the uid.
        var updated = PosixAccounts.WithEntry("root:x:0:0::/root:/bin/sh\nbob:x:1001:1000::/home/bob:/bin/sh", 1000, name => $"{name}:x:1000:1000::/config:/bin/false");

        Assert.Equal("root:x:0:0::/root:/bin/sh\nbob:x:1001:1000::/home/bob:/bin/sh\nplex:x:1000:1000::/config:/bin/false\n", updated);
    }

    [Fact]
    public void Taken_name_gets_the_id_as_suffix()
    {
        var updated = PosixAccounts.WithEntry("plex:x:999:\n", 1000, Group);

        Assert.Equal("plex:x:999:\nplex-1000:x:1000:\n", updated);
    }

    [Fact]
    public void Missing_file_gets_one_line()
    {
        Assert.Equal("plex:x:1000:\n", PosixAccounts.WithEntry("", 1000, Group));
    }
}
