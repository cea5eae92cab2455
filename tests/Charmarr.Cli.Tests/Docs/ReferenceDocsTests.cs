using Charmarr.Cli.Docs;
using Charmarr.Cli.Tests.Fixtures;

namespace Charmarr.Cli.Tests.Docs;

/// <summary><c>charmarr docs</c>: the reference generated from charmcraft.yaml, and plex-k8s's committed copy of it.</summary>
public sealed class ReferenceDocsTests
{
    [Fact]
    public void The_committed_plex_reference_is_what_charmarr_docs_generates()
    {
        var committed = File.ReadAllText(Path.Combine(RepositoryPaths.PlexCharm, "docs", "reference.md"));

        // On a mismatch regenerate it: charmarr docs charms/plex-k8s --output charms/plex-k8s/docs/reference.md
        Assert.Equal(ReferenceWriter.Write(RepositoryPaths.PlexCharm), committed);
    }

    [Fact]
    public async Task The_reference_lists_every_option_action_parameter_endpoint_storage_resource_and_the_documented_statuses()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CharmarrCommandLine.RunAsync(["docs", RepositoryPaths.PlexCharm], output, error, TestContext.Current.CancellationToken);

        var markdown = output.ToString();
        Assert.Equal(0, exit);
        Assert.Equal("", error.ToString());
        Assert.StartsWith("# plex-k8s reference\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| [`hardware-transcoding`](#config-hardware-transcoding) | boolean | `false` |", markdown, StringComparison.Ordinal);
        Assert.Contains("| [`ingress-port`](#config-ingress-port) | int | `80` |", markdown, StringComparison.Ordinal);
        Assert.Contains("### `claim-server`", markdown, StringComparison.Ordinal);
        Assert.Contains("| `token` | string | yes | — |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `media-storage` | requires | `media-storage` | 1 | no | The shared media volume (charmarr-storage). Required; Plex is blocked without it. |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `media-server` | provides | `media-server` | none | no |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `config` | filesystem | `/config` | 10G | `plex`: `/config` |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `plex-image` | oci-image | `lscr.io/linuxserver/plex:", markdown, StringComparison.Ordinal);
        Assert.Contains("## Statuses\n\n" + File.ReadAllText(Path.Combine(RepositoryPaths.PlexCharm, "docs", "statuses.md")).TrimEnd('\n'), markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_charm_without_statuses_md_says_where_to_document_them()
    {
        var markdown = ReferenceWriter.Write(RepositoryPaths.Fixture("cli", "charm"));

        Assert.EndsWith("## Statuses\n\nThe charm documents no statuses (add them to `docs/statuses.md`).\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| `db` | requires | `tiny_db` | 1 | no | — |", markdown, StringComparison.Ordinal);
    }
}
