using Charmarr.Ops.Integration.Cli;
using Charmarr.Ops.Integration.Tests.Support;

namespace Charmarr.Ops.Integration.Tests.Secrets;

/// <summary>User secrets: content through a private file, ids taken as opaque on both Juju versions.</summary>
public sealed class SecretTests
{
    [Theory]
    [MemberData(nameof(Golden.Versions), MemberType = typeof(Golden))]
    public async Task A_secret_is_added_from_a_private_file_granted_listed_and_removed(string jujuVersion)
    {
        using var juju = new FakeJuju();
        var uri = Golden.Read(jujuVersion, "add-secret.stdout").Trim();
        juju.Expect(["add-secret", "--model", "plex-it", "plex-token", "--info", "integration test secret", "--file", "@file:content.json"],
                Golden.Read(jujuVersion, "add-secret.stdout"), files: new Dictionary<string, string> { ["content.json"] = """{"token":"s3cr3t-value"}""" })
            .Expect(["grant-secret", "--model", "plex-it", uri, "plex"])
            .Expect(["secrets", "--model", "plex-it", "--format", "json"], Golden.Read(jujuVersion, "secrets.json"))
            .Expect(["remove-secret", "--model", "plex-it", uri]);
        var client = juju.Client();
        var ct = TestContext.Current.CancellationToken;

        var added = await client.AddSecretAsync("plex-token", new Dictionary<string, string> { ["token"] = "s3cr3t-value" }, "integration test secret", ct);
        await client.GrantSecretAsync(added, "plex", ct);
        var listed = Assert.Single(await client.ListSecretsAsync(ct));
        await client.RemoveSecretAsync(added, ct);

        Assert.Equal(uri, added);
        Assert.Equal(uri, "secret:" + listed.Id);
        Assert.Equal("plex-token", listed.Name);
        Assert.Equal("<model>", listed.Owner);
        Assert.Equal(1, listed.Revision);
        Assert.Equal("600", juju.SeenFileMode(1, "content.json"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(juju.TemporaryDirectory));
        Assert.DoesNotContain(juju.Calls, c => c.Contains("s3cr3t-value", StringComparison.Ordinal));
        juju.AssertAllCalled();
    }

    [Fact]
    public async Task An_add_secret_answer_that_is_not_a_secret_uri_is_an_error()
    {
        using var juju = new FakeJuju();
        juju.Expect(["add-secret", "--model", "plex-it", "x", "--file", "@file:content.json"], "created\n",
            files: new Dictionary<string, string> { ["content.json"] = """{"a":"b"}""" });

        var e = await Assert.ThrowsAsync<JujuCliException>(() =>
            juju.Client().AddSecretAsync("x", new Dictionary<string, string> { ["a"] = "b" }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("printed \"created\", not a secret URI", e.Message, StringComparison.Ordinal);
    }
}
