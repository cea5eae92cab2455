using AutoFixture.Xunit3;
using Charmarr.Ops.State;

namespace Charmarr.Ops.Tests.State;

public sealed class FileStateStoreTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("state-").FullName;

    private string StatePath => Path.Combine(directory, "nested", "state.json");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [AutoData]
    public void Saved_keys_and_values_are_loaded_back_exactly(Dictionary<string, string> values)
    {
        values["with \"quotes\" and\nnewline"] = "ünïcode ✓ \u2028";
        new FileStateStore(StatePath).Save(values, []);

        var loaded = new FileStateStore(StatePath).Load();

        Assert.Equal(values.OrderBy(kv => kv.Key, StringComparer.Ordinal), loaded.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Deleting_a_key_keeps_the_others()
    {
        var store = new FileStateStore(StatePath);
        store.Save(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, []);

        store.Save(new Dictionary<string, string>(), ["a"]);

        Assert.Equal(new Dictionary<string, string> { ["b"] = "2" }, store.Load());
    }

    [Fact]
    public void A_missing_file_is_empty_state()
    {
        Assert.Empty(new FileStateStore(StatePath).Load());
    }

    [Fact]
    public void A_corrupt_file_is_reported_with_its_path()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StatePath)!);
        File.WriteAllText(StatePath, "{not json");

        var e = Assert.Throws<StoredStateException>(() => new FileStateStore(StatePath).Load());

        Assert.Contains(StatePath, e.Message, StringComparison.Ordinal);
    }
}
