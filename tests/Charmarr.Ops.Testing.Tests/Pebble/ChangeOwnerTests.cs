using Charmarr.Ops.Testing.Pebble;

namespace Charmarr.Ops.Testing.Tests.Pebble;

/// <summary>The chown test hook: what an exec handler for <c>chown</c> does to the simulated filesystem.</summary>
public sealed class ChangeOwnerTests
{
    private readonly PebbleSimulator pebble = new();

    public ChangeOwnerTests()
    {
        pebble.WriteFile("/config/Library/prefs.xml", "<Preferences/>", new FileCreation { MakeParents = true });
    }

    [Fact]
    public void Recursive_gives_the_directory_and_everything_under_it()
    {
        pebble.ChangeOwner("/config", 1000, 1001, recursive: true);

        Assert.Equal((1000, 1001), Owner("/config"));
        Assert.Equal((1000, 1001), Owner("/config/Library"));
        Assert.Equal((1000, 1001), Owner("/config/Library/prefs.xml"));
    }

    [Fact]
    public void Without_recursive_only_the_path_itself_changes()
    {
        pebble.ChangeOwner("/config", 1000, 1000);

        Assert.Equal((1000, 1000), Owner("/config"));
        Assert.Equal((0, 0), Owner("/config/Library"));
    }

    [Fact]
    public void A_missing_path_is_not_found_and_an_unwritable_one_is_denied()
    {
        pebble.DenyWrite("/config/Library");

        var missing = Assert.Throws<SimulatedPebbleException>(() => pebble.ChangeOwner("/nowhere", 1000, 1000));
        var denied = Assert.Throws<SimulatedPebbleException>(() => pebble.ChangeOwner("/config/Library", 1000, 1000));

        Assert.Equal((404, "not-found"), (missing.StatusCode, missing.Kind));
        Assert.Equal((403, "permission-denied"), (denied.StatusCode, denied.Kind));
        Assert.Equal((0, 0), Owner("/config/Library"));
    }

    private (int Uid, int Gid) Owner(string path)
    {
        var info = pebble.ListFiles(path, itself: true).Single();
        return (info.UserId, info.GroupId);
    }
}
