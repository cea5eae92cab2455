using System.Text.Json.Nodes;
using Charmarr.Ops.Metadata;
using Xunit;

namespace Charmarr.Ops.Tests.Metadata;

/// <summary>Parsing charmcraft.yaml and a packed charm's metadata.yaml, config.yaml and actions.yaml.</summary>
public sealed class CharmMetadataParseTests
{
    private const string Charmcraft = """
        name: plex-k8s
        type: charm
        summary: Plex Media Server
        description: |
          Streams media.
        requires:
          db:
            interface: postgresql_client
            limit: 1
            optional: true
          media-storage:
            interface: media_storage
        provides:
          metrics-endpoint:
            interface: prometheus_scrape
        peers:
          plex-peers:
            interface: plex_peers
        containers:
          plex:
            resource: plex-image
            mounts:
              - storage: config
                location: /config
              - storage: media
                location: /media
        storage:
          config:
            type: filesystem
            location: /config
            minimum-size: 1G
          media:
            type: filesystem
            description: Media library.
            multiple:
              range: 0-
        resources:
          plex-image:
            type: oci-image
            description: The Plex image.
            upstream-source: plexinc/pms-docker:latest
          license:
            type: file
            filename: license.txt
        extra-bindings:
          public:
        config:
          options:
            port:
              type: int
              default: 32400
              description: The port.
            ratio:
              type: float
              default: 1.5
            hardware-transcoding:
              type: boolean
              default: false
            claim-token:
              type: string
              default: "true"
            admin-password:
              type: secret
            timezone:
              type: string
        actions:
          claim-server:
            description: Claims the server.
            params:
              token:
                type: string
                description: The claim token.
              retries:
                type: integer
                default: 3
              level:
                enum: [low, high, 3]
              extra:
                type: object
            required: [token]
            additionalProperties: false
          restart: {}
        """;

    private static CharmMetadata Parsed => CharmMetadata.ParseCharmcraft(Charmcraft);

    [Fact]
    public void Top_level_fields_are_read()
    {
        var meta = Parsed;
        Assert.Equal("plex-k8s", meta.Name);
        Assert.Equal("Plex Media Server", meta.Summary);
        Assert.Equal("Streams media.\n", meta.Description);
        Assert.Equal(["public"], meta.ExtraBindings);
    }

    [Fact]
    public void Requires_provides_and_peers_become_relations_with_their_role()
    {
        var relations = Parsed.Relations;
        Assert.Equal(4, relations.Count);
        Assert.Equal(new RelationMeta("db", RelationRole.Requires, "postgresql_client", 1, true, "global"), relations["db"]);
        Assert.Equal(new RelationMeta("media-storage", RelationRole.Requires, "media_storage", null, false, "global"), relations["media-storage"]);
        Assert.Equal(RelationRole.Provides, relations["metrics-endpoint"].Role);
        Assert.Equal("prometheus_scrape", relations["metrics-endpoint"].Interface);
        Assert.Equal(RelationRole.Peer, relations["plex-peers"].Role);
    }

    [Fact]
    public void Containers_have_resource_and_mounts()
    {
        var plex = Parsed.Containers["plex"];
        Assert.Equal("plex-image", plex.Resource);
        Assert.Equal([new ContainerMountMeta("config", "/config"), new ContainerMountMeta("media", "/media")], plex.Mounts);
    }

    [Fact]
    public void Storage_is_read()
    {
        var storage = Parsed.Storage;
        Assert.Equal(new StorageMeta("config", "filesystem", "/config", "", "1G", null), storage["config"]);
        Assert.Equal(new StorageMeta("media", "filesystem", null, "Media library.", null, "0-"), storage["media"]);
    }

    [Fact]
    public void Resources_are_read()
    {
        var resources = Parsed.Resources;
        Assert.Equal(new ResourceMeta("plex-image", "oci-image", "The Plex image.", null, "plexinc/pms-docker:latest"), resources["plex-image"]);
        Assert.Equal(new ResourceMeta("license", "file", "", "license.txt", null), resources["license"]);
    }

    [Fact]
    public void Config_options_of_all_five_types_have_typed_defaults()
    {
        var config = Parsed.Config;
        Assert.Equal(6, config.Count);

        Assert.Equal(ConfigOptionType.Int, config["port"].Type);
        Assert.Equal(32400L, config["port"].Default!.GetValue<long>());
        Assert.Equal("The port.", config["port"].Description);

        Assert.Equal(ConfigOptionType.Float, config["ratio"].Type);
        Assert.Equal(1.5, config["ratio"].Default!.GetValue<double>());

        Assert.Equal(ConfigOptionType.Boolean, config["hardware-transcoding"].Type);
        Assert.False(config["hardware-transcoding"].Default!.GetValue<bool>());

        Assert.Equal(ConfigOptionType.Secret, config["admin-password"].Type);
        Assert.Null(config["admin-password"].Default);

        Assert.Equal(ConfigOptionType.String, config["timezone"].Type);
        Assert.Null(config["timezone"].Default);
    }

    [Fact]
    public void Quoted_true_default_stays_a_string()
    {
        var option = Parsed.Config["claim-token"];
        Assert.Equal(ConfigOptionType.String, option.Type);
        Assert.Equal("true", option.Default!.GetValue<string>());
    }

    [Fact]
    public void Actions_have_params_required_enum_and_additional_properties()
    {
        var claim = Parsed.Actions["claim-server"];
        Assert.Equal("Claims the server.", claim.Description);
        Assert.Equal(["token"], claim.Required);
        Assert.False(claim.AdditionalProperties);
        Assert.Equal(4, claim.Params.Count);

        Assert.Equal(ActionParamType.String, claim.Params["token"].Type);
        Assert.Equal("The claim token.", claim.Params["token"].Description);
        Assert.Equal(ActionParamType.Integer, claim.Params["retries"].Type);
        Assert.Equal(3L, claim.Params["retries"].Default!.GetValue<long>());
        Assert.Equal(ActionParamType.Object, claim.Params["extra"].Type);

        var level = claim.Params["level"];
        Assert.Equal(ActionParamType.Any, level.Type);
        Assert.Equal(3, level.Enum.Count);
        Assert.Equal("low", level.Enum[0]!.GetValue<string>());
        Assert.Equal("high", level.Enum[1]!.GetValue<string>());
        Assert.Equal(3L, level.Enum[2]!.GetValue<long>());
    }

    [Fact]
    public void Action_without_body_defaults_to_no_params_and_the_running_Jujus_additional_properties()
    {
        var restart = Parsed.Actions["restart"];
        Assert.Empty(restart.Params);
        Assert.Empty(restart.Required);
        Assert.Null(restart.AdditionalProperties);
        Assert.True(restart.AllowsAdditionalProperties(Charmarr.Ops.Context.JujuVersion.Parse("3.6.4")));
        Assert.False(restart.AllowsAdditionalProperties(Charmarr.Ops.Context.JujuVersion.Parse("4.0.16")));
    }

    [Fact]
    public void Packed_trio_is_parsed_with_options_under_options()
    {
        var meta = CharmMetadata.ParsePacked(
            """
            name: plex-k8s
            requires:
              db:
                interface: postgresql_client
            """,
            """
            options:
              port:
                type: int
                default: 80
            """,
            """
            backup:
              description: Backs up.
              params:
                path:
                  type: string
              required: [path]
            """);
        Assert.Equal("plex-k8s", meta.Name);
        Assert.Equal(RelationRole.Requires, meta.Relations["db"].Role);
        Assert.Equal(80L, meta.Config["port"].Default!.GetValue<long>());
        Assert.Equal(["path"], meta.Actions["backup"].Required);
        Assert.Equal(ActionParamType.String, meta.Actions["backup"].Params["path"].Type);
    }

    [Fact]
    public void Packed_metadata_alone_has_no_config_or_actions()
    {
        var meta = CharmMetadata.ParsePacked("name: plex-k8s\n");
        Assert.Empty(meta.Config);
        Assert.Empty(meta.Actions);
    }

    [Fact]
    public void Plain_number_is_a_number_and_quoted_number_a_string()
    {
        var meta = CharmMetadata.ParseCharmcraft("""
            name: x
            actions:
              a:
                params:
                  p:
                    default: 80
                  q:
                    default: "80"
            """);
        var p = meta.Actions["a"].Params["p"].Default!;
        var q = meta.Actions["a"].Params["q"].Default!;
        Assert.Equal(System.Text.Json.JsonValueKind.Number, p.GetValueKind());
        Assert.Equal(System.Text.Json.JsonValueKind.String, q.GetValueKind());
        Assert.Equal("80", q.GetValue<string>());
    }

    [Fact]
    public void Default_null_means_no_default()
    {
        var meta = CharmMetadata.ParseCharmcraft("""
            name: x
            config:
              options:
                port:
                  type: int
                  default: null
            """);
        Assert.Null(meta.Config["port"].Default);
    }

    [Fact]
    public void Float_option_accepts_an_int_default()
    {
        var meta = CharmMetadata.ParseCharmcraft("""
            name: x
            config:
              options:
                ratio:
                  type: float
                  default: 1
            """);
        Assert.Equal(1.0, meta.Config["ratio"].Default!.GetValue<double>());
    }

    [Fact]
    public void Int_default_of_whole_float_is_coerced_to_int()
    {
        var meta = CharmMetadata.ParseCharmcraft("""
            name: x
            config:
              options:
                port:
                  type: int
                  default: 8080.0
            """);
        Assert.Equal(8080L, meta.Config["port"].Default!.GetValue<long>());
    }

    [Fact]
    public void Nested_yaml_becomes_json_objects_and_arrays()
    {
        var meta = CharmMetadata.ParseCharmcraft("""
            name: x
            actions:
              a:
                params:
                  p:
                    type: object
                    default:
                      hosts: [a, b]
                      on: true
            """);
        var value = Assert.IsType<JsonObject>(meta.Actions["a"].Params["p"].Default);
        Assert.Equal("""{"hosts":["a","b"],"on":true}""", value.ToJsonString());
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("nan")]
    public void Plain_NaN_is_a_string(string text)
    {
        var meta = CharmMetadata.ParseCharmcraft($"""
            name: x
            config:
              options:
                s:
                  type: string
                  default: {text}
            """);
        Assert.Equal(text, meta.Config["s"].Default!.GetValue<string>());
    }
}
