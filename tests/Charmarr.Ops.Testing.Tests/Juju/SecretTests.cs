using Charmarr.Ops.Backend;
using Charmarr.Ops.Model;
using Charmarr.Ops.Testing.Juju;

namespace Charmarr.Ops.Testing.Tests.Juju;

public sealed class SecretTests
{
    private static readonly SecretOptions NoOptions = new();
    private readonly MemoryJujuBackend backend = new("plex/0");

    private static Dictionary<string, string> Content(string value) => new(StringComparer.Ordinal) { ["token"] = value };

    [Fact]
    public void Creating_an_application_secret_needs_leadership()
    {
        var ex = Assert.Throws<PermissionDeniedException>(() => backend.AddSecret(Content("a"), SecretOwner.Application, NoOptions));
        Assert.Equal("secret-add", ex.Tool);

        backend.Leader = true;
        var id = backend.AddSecret(Content("a"), SecretOwner.Application, NoOptions);
        Assert.StartsWith("secret:", id, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_secret_is_owned_without_leadership_and_read_back_by_label()
    {
        var id = backend.AddSecret(Content("a"), SecretOwner.Unit, new SecretOptions(Label: "api"));

        Assert.Equal("a", backend.GetSecret(null, "api", refresh: false, peek: false)["token"]);
        var info = backend.GetSecretInfo(id, null);
        Assert.Equal(("api", 1, SecretOwner.Unit), (info.Label, info.Revision, info.Owner));
        Assert.Equal([info.Id], backend.GetSecretIds());
    }

    [Fact]
    public void Bad_content_is_refused_as_production_refuses_it()
    {
        Assert.Throws<ArgumentException>(() => backend.AddSecret(new Dictionary<string, string> { ["ab"] = "x" }, SecretOwner.Unit, NoOptions));
        Assert.Throws<ArgumentException>(() => backend.AddSecret(Content(""), SecretOwner.Unit, NoOptions));
        Assert.Throws<ArgumentException>(() => backend.GetSecret(null, null, refresh: false, peek: false));
    }

    [Fact]
    public void A_consumer_tracks_a_revision_until_it_refreshes_and_peek_does_not_move_it()
    {
        var id = backend.AddRemoteSecret(Content("v1"));
        Assert.Equal("v1", backend.GetSecret(id, null, refresh: false, peek: false)["token"]);

        backend.SetRemoteSecretContent(id, Content("v2"));

        Assert.Equal("v1", backend.GetSecret(id, null, refresh: false, peek: false)["token"]);
        Assert.Equal("v2", backend.GetSecret(id, null, refresh: false, peek: true)["token"]);
        Assert.Equal("v1", backend.GetSecret(id, null, refresh: false, peek: false)["token"]);
        Assert.Equal("v2", backend.GetSecret(id, null, refresh: true, peek: false)["token"]);
        Assert.Equal("v2", backend.GetSecret(id, null, refresh: false, peek: false)["token"]);
    }

    [Fact]
    public void A_consumer_labels_a_secret_by_reading_it_with_id_and_label()
    {
        var id = backend.AddRemoteSecret(Content("v1"));
        backend.GetSecret(id, "radarr-key", refresh: false, peek: false);

        Assert.Equal("v1", backend.GetSecret(null, "radarr-key", refresh: false, peek: false)["token"]);
    }

    [Fact]
    public void Every_accepted_form_of_a_secret_id_names_the_same_secret()
    {
        var id = backend.AddRemoteSecret(Content("v1"));
        var bare = id["secret:".Length..];

        Assert.Equal("v1", backend.GetSecret(bare, null, false, false)["token"]);
        Assert.Equal("v1", backend.GetSecret($"secret://{backend.ModelUuid}/{bare}", null, false, false)["token"]);
    }

    [Fact]
    public void A_revoked_consumer_is_denied_and_an_unknown_secret_is_not_found()
    {
        var id = backend.AddRemoteSecret(Content("v1"));
        backend.RevokeRemoteSecret(id);

        Assert.Throws<PermissionDeniedException>(() => backend.GetSecret(id, null, false, false));
        Assert.Throws<SecretNotFoundException>(() => backend.GetSecret("secret:nosuchsecret0000000", null, false, false));
        Assert.Throws<SecretNotFoundException>(() => backend.GetSecret(null, "nolabel", false, false));
    }

    [Fact]
    public void A_consumer_cannot_read_metadata_or_manage_a_secret_it_does_not_own()
    {
        var id = backend.AddRemoteSecret(Content("v1"));

        Assert.Throws<SecretNotFoundException>(() => backend.GetSecretInfo(id, null));
        Assert.Throws<PermissionDeniedException>(() => backend.SetSecret(id, Content("v2"), NoOptions));
        Assert.Throws<PermissionDeniedException>(() => backend.RemoveSecret(id, null));
    }

    [Fact]
    public void A_non_leader_cannot_manage_its_applications_secret_but_can_read_it()
    {
        backend.Leader = true;
        var id = backend.AddSecret(Content("v1"), SecretOwner.Application, NoOptions);
        backend.Leader = false;

        Assert.Equal("v1", backend.GetSecret(id, null, false, false)["token"]);
        Assert.Throws<PermissionDeniedException>(() => backend.SetSecret(id, Content("v2"), NoOptions));
        Assert.Empty(backend.GetSecretIds());
    }

    [Fact]
    public void The_owner_adds_revisions_reads_the_latest_and_removes_one_or_all()
    {
        var id = backend.AddSecret(Content("v1"), SecretOwner.Unit, NoOptions);
        backend.SetSecret(id, Content("v2"), new SecretOptions(Description: "plex token"));

        Assert.Equal("v2", backend.GetSecret(id, null, false, false)["token"]);
        Assert.Equal("plex token", backend.GetSecretInfo(id, null).Description);

        backend.RemoveSecret(id, 1);
        Assert.Equal([2], backend.GetSecretRevisions(id));
        Assert.Throws<SecretNotFoundException>(() => backend.RemoveSecret(id, 1));

        backend.RemoveSecret(id, null);
        Assert.False(backend.HasSecret(id));
    }

    [Fact]
    public void Two_owned_secrets_cannot_share_a_label()
    {
        backend.AddSecret(Content("a"), SecretOwner.Unit, new SecretOptions(Label: "api"));

        Assert.Throws<JujuModelException>(() => backend.AddSecret(Content("b"), SecretOwner.Unit, new SecretOptions(Label: "api")));
    }

    [Fact]
    public void Grants_name_a_relation_and_optionally_one_of_its_remote_units()
    {
        var relation = backend.AddRelation("media-manager", "overseerr");
        var id = backend.AddSecret(Content("key"), SecretOwner.Unit, NoOptions);

        backend.GrantSecret(id, relation, "overseerr/0");
        Assert.Throws<JujuModelException>(() => backend.GrantSecret(id, relation, null));
        backend.RevokeSecret(id, relation, null);
        backend.GrantSecret(id, relation, null);

        Assert.Equal([new SecretGrant(relation, null)], backend.GetSecretGrants(id));
        Assert.Throws<JujuModelException>(() => backend.GrantSecret(id, relation, "radarr/0"));
        Assert.Throws<RelationNotFoundException>(() => backend.GrantSecret(id, 42, null));
    }
}
