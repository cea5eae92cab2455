using Charmarr.Ops.Context;
using Xunit;

namespace Charmarr.Ops.Tests.Context;

/// <summary>Parsing the <c>JUJU_*</c> environment into a <see cref="JujuContext"/>.</summary>
public sealed class JujuContextTests
{
    private static Dictionary<string, string?> Env(params (string Key, string? Value)[] extra)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["JUJU_UNIT_NAME"] = "plex/0",
            ["JUJU_DISPATCH_PATH"] = "hooks/install",
            ["JUJU_CHARM_DIR"] = "/var/lib/juju/agents/unit-plex-0/charm",
        };
        foreach (var (key, value) in extra)
        {
            env[key] = value;
        }

        return env;
    }

    [Fact]
    public void Every_variable_of_a_relation_hook_is_parsed()
    {
        var ctx = JujuContext.FromEnvironment(Env(
            ("JUJU_DISPATCH_PATH", "hooks/db-relation-departed"),
            ("JUJU_HOOK_NAME", "db-relation-departed"),
            ("JUJU_MODEL_NAME", "media"),
            ("JUJU_MODEL_UUID", "uuid-1"),
            ("JUJU_VERSION", "3.6.4"),
            ("JUJU_MACHINE_ID", "3"),
            ("JUJU_AVAILABILITY_ZONE", "zone-a"),
            ("JUJU_PRINCIPAL_UNIT", "ubuntu/1"),
            ("JUJU_RELATION", "db"),
            ("JUJU_RELATION_ID", "db:7"),
            ("JUJU_REMOTE_APP", "postgresql"),
            ("JUJU_REMOTE_UNIT", "postgresql/2"),
            ("JUJU_DEPARTING_UNIT", "postgresql/2"),
            ("JUJU_TARGET_BASE", "ubuntu@24.04")));

        Assert.Equal(DispatchKind.Hook, ctx.Kind);
        Assert.Equal("db-relation-departed", ctx.EventName);
        Assert.Equal("hooks/db-relation-departed", ctx.DispatchPath);
        Assert.Equal("plex/0", ctx.UnitName);
        Assert.Equal("plex", ctx.AppName);
        Assert.Equal("/var/lib/juju/agents/unit-plex-0/charm", ctx.CharmDir);
        Assert.Equal("media", ctx.ModelName);
        Assert.Equal("uuid-1", ctx.ModelUuid);
        Assert.Equal(new JujuVersion(3, 6, 4), ctx.Version);
        Assert.Equal("db-relation-departed", ctx.HookName);
        Assert.Equal("3", ctx.MachineId);
        Assert.Equal("zone-a", ctx.AvailabilityZone);
        Assert.Equal("ubuntu/1", ctx.PrincipalUnit);
        Assert.Equal("db", ctx.RelationName);
        Assert.Equal(7, ctx.RelationId);
        Assert.Equal("postgresql", ctx.RemoteApp);
        Assert.Equal("postgresql/2", ctx.RemoteUnit);
        Assert.Equal("postgresql/2", ctx.DepartingUnit);
        Assert.Equal("ubuntu@24.04", ctx.TargetBase);
        Assert.Null(ctx.ActionName);
        Assert.False(ctx.Debug);
        Assert.Empty(ctx.DebugAt);
    }

    [Theory]
    [InlineData("db:7", 7)]
    [InlineData("7", 7)]
    [InlineData("my-endpoint:12", 12)]
    public void Relation_id_is_the_number_after_the_last_colon(string value, int expected)
    {
        var ctx = JujuContext.FromEnvironment(Env(("JUJU_RELATION_ID", value)));
        Assert.Equal(expected, ctx.RelationId);
    }

    [Fact]
    public void Remote_app_is_derived_from_remote_unit_when_JUJU_REMOTE_APP_is_empty()
    {
        var ctx = JujuContext.FromEnvironment(Env(("JUJU_REMOTE_APP", ""), ("JUJU_REMOTE_UNIT", "postgresql/2")));
        Assert.Equal("postgresql", ctx.RemoteApp);
    }

    [Fact]
    public void Remote_app_is_null_without_remote_app_or_unit()
    {
        var ctx = JujuContext.FromEnvironment(Env(("JUJU_REMOTE_APP", ""), ("JUJU_REMOTE_UNIT", "")));
        Assert.Null(ctx.RemoteApp);
        Assert.Null(ctx.RemoteUnit);
    }

    [Fact]
    public void Storage_id_gives_name_and_index()
    {
        var ctx = JujuContext.FromEnvironment(Env(
            ("JUJU_DISPATCH_PATH", "hooks/data-storage-attached"),
            ("JUJU_STORAGE_ID", "data/1"),
            ("JUJU_STORAGE_LOCATION", "/srv/data"),
            ("JUJU_STORAGE_KIND", "filesystem")));
        Assert.Equal("data/1", ctx.StorageId);
        Assert.Equal("data", ctx.StorageName);
        Assert.Equal(1, ctx.StorageIndex);
        Assert.Equal("/srv/data", ctx.StorageLocation);
        Assert.Equal("filesystem", ctx.StorageKind);
    }

    [Fact]
    public void Storage_name_and_index_are_null_without_storage_id()
    {
        var ctx = JujuContext.FromEnvironment(Env());
        Assert.Null(ctx.StorageName);
        Assert.Null(ctx.StorageIndex);
    }

    [Fact]
    public void Secret_variables_are_parsed_with_the_revision_as_a_number()
    {
        var ctx = JujuContext.FromEnvironment(Env(
            ("JUJU_DISPATCH_PATH", "hooks/secret-remove"),
            ("JUJU_SECRET_ID", "secret:abc"),
            ("JUJU_SECRET_LABEL", "db-password"),
            ("JUJU_SECRET_REVISION", "4")));
        Assert.Equal("secret:abc", ctx.SecretId);
        Assert.Equal("db-password", ctx.SecretLabel);
        Assert.Equal(4, ctx.SecretRevision);
    }

    [Fact]
    public void Bad_secret_revision_is_refused()
    {
        var ex = Assert.Throws<JujuContextException>(() => JujuContext.FromEnvironment(Env(("JUJU_SECRET_REVISION", "four"))));
        Assert.Contains("JUJU_SECRET_REVISION", ex.Message);
    }

    [Fact]
    public void Workload_notice_and_check_variables_are_parsed()
    {
        var ctx = JujuContext.FromEnvironment(Env(
            ("JUJU_DISPATCH_PATH", "hooks/plex-pebble-custom-notice"),
            ("JUJU_WORKLOAD_NAME", "plex"),
            ("JUJU_NOTICE_ID", "42"),
            ("JUJU_NOTICE_TYPE", "custom"),
            ("JUJU_NOTICE_KEY", "example.com/backup"),
            ("JUJU_PEBBLE_CHECK_NAME", "alive")));
        Assert.Equal("plex", ctx.WorkloadName);
        Assert.Equal("42", ctx.NoticeId);
        Assert.Equal("custom", ctx.NoticeType);
        Assert.Equal("example.com/backup", ctx.NoticeKey);
        Assert.Equal("alive", ctx.CheckName);
    }

    [Fact]
    public void Debug_at_is_a_trimmed_comma_list_and_debug_is_presence()
    {
        var ctx = JujuContext.FromEnvironment(Env(("JUJU_DEBUG", "1"), ("JUJU_DEBUG_AT", "hook, start ,,all")));
        Assert.True(ctx.Debug);
        Assert.Equal(["hook", "start", "all"], ctx.DebugAt);
    }

    [Fact]
    public void Empty_strings_read_as_null()
    {
        var ctx = JujuContext.FromEnvironment(Env(
            ("JUJU_MACHINE_ID", ""),
            ("JUJU_AVAILABILITY_ZONE", ""),
            ("JUJU_PRINCIPAL_UNIT", ""),
            ("JUJU_RELATION", ""),
            ("JUJU_RELATION_ID", ""),
            ("JUJU_REMOTE_UNIT", ""),
            ("JUJU_DEPARTING_UNIT", ""),
            ("JUJU_STORAGE_ID", ""),
            ("JUJU_WORKLOAD_NAME", ""),
            ("JUJU_SECRET_ID", ""),
            ("JUJU_SECRET_REVISION", ""),
            ("JUJU_ACTION_UUID", ""),
            ("JUJU_HOOK_NAME", ""),
            ("JUJU_VERSION", ""),
            ("JUJU_DEBUG_AT", "")));
        Assert.Null(ctx.MachineId);
        Assert.Null(ctx.AvailabilityZone);
        Assert.Null(ctx.PrincipalUnit);
        Assert.Null(ctx.RelationName);
        Assert.Null(ctx.RelationId);
        Assert.Null(ctx.RemoteUnit);
        Assert.Null(ctx.DepartingUnit);
        Assert.Null(ctx.StorageId);
        Assert.Null(ctx.WorkloadName);
        Assert.Null(ctx.SecretId);
        Assert.Null(ctx.SecretRevision);
        Assert.Null(ctx.ActionUuid);
        Assert.Null(ctx.HookName);
        Assert.Equal(JujuVersion.Unknown, ctx.Version);
        Assert.Empty(ctx.DebugAt);
    }

    [Fact]
    public void Model_name_and_uuid_default_to_empty()
    {
        var ctx = JujuContext.FromEnvironment(Env());
        Assert.Equal("", ctx.ModelName);
        Assert.Equal("", ctx.ModelUuid);
    }

    [Fact]
    public void Charm_dir_falls_back_to_CHARM_DIR()
    {
        var env = Env(("JUJU_CHARM_DIR", ""), ("CHARM_DIR", "/charm"));
        Assert.Equal("/charm", JujuContext.FromEnvironment(env).CharmDir);
    }

    [Theory]
    [InlineData("hooks/install", DispatchKind.Hook, "install")]
    [InlineData("hooks/db-relation-changed", DispatchKind.Hook, "db-relation-changed")]
    [InlineData("actions/claim-server", DispatchKind.Action, "claim-server")]
    [InlineData("/var/lib/juju/charm/actions/backup", DispatchKind.Action, "backup")]
    public void Dispatch_path_gives_kind_and_name(string path, DispatchKind kind, string name)
    {
        var ctx = JujuContext.FromEnvironment(Env(("JUJU_DISPATCH_PATH", path)));
        Assert.Equal(kind, ctx.Kind);
        Assert.Equal(name, ctx.EventName);
    }

    [Fact]
    public void Action_name_defaults_to_the_dispatched_action()
    {
        var ctx = JujuContext.FromEnvironment(Env(("JUJU_DISPATCH_PATH", "actions/claim-server"), ("JUJU_ACTION_UUID", "17")));
        Assert.Equal("claim-server", ctx.ActionName);
        Assert.Equal("17", ctx.ActionUuid);
    }

    [Fact]
    public void Without_dispatch_path_falls_back_to_JUJU_HOOK_NAME()
    {
        var ctx = JujuContext.FromEnvironment(Env(("JUJU_DISPATCH_PATH", ""), ("JUJU_HOOK_NAME", "start")));
        Assert.Equal(DispatchKind.Hook, ctx.Kind);
        Assert.Equal("start", ctx.EventName);
        Assert.Equal("hooks/start", ctx.DispatchPath);
    }

    [Fact]
    public void Without_dispatch_path_falls_back_to_JUJU_ACTION_NAME()
    {
        var ctx = JujuContext.FromEnvironment(Env(("JUJU_DISPATCH_PATH", ""), ("JUJU_ACTION_NAME", "backup")));
        Assert.Equal(DispatchKind.Action, ctx.Kind);
        Assert.Equal("backup", ctx.EventName);
        Assert.Equal("actions/backup", ctx.DispatchPath);
    }

    [Fact]
    public void No_dispatch_path_hook_or_action_name_is_refused()
    {
        var env = Env();
        env.Remove("JUJU_DISPATCH_PATH");
        var ex = Assert.Throws<JujuContextException>(() => JujuContext.FromEnvironment(env));
        Assert.Contains("JUJU_DISPATCH_PATH", ex.Message);
    }

    [Fact]
    public void Missing_unit_name_is_refused()
    {
        var env = Env();
        env.Remove("JUJU_UNIT_NAME");
        var ex = Assert.Throws<JujuContextException>(() => JujuContext.FromEnvironment(env));
        Assert.Contains("JUJU_UNIT_NAME", ex.Message);
    }

    [Fact]
    public void Empty_unit_name_is_refused()
    {
        var ex = Assert.Throws<JujuContextException>(() => JujuContext.FromEnvironment(Env(("JUJU_UNIT_NAME", ""))));
        Assert.Contains("JUJU_UNIT_NAME", ex.Message);
    }

    [Theory]
    [InlineData("plex")]
    [InlineData("/0")]
    public void Malformed_unit_name_is_refused(string unit)
    {
        var ex = Assert.Throws<JujuContextException>(() => JujuContext.FromEnvironment(Env(("JUJU_UNIT_NAME", unit))));
        Assert.Contains(unit, ex.Message);
    }

    [Fact]
    public void Malformed_remote_unit_is_refused()
    {
        var ex = Assert.Throws<JujuContextException>(() => JujuContext.FromEnvironment(Env(("JUJU_REMOTE_UNIT", "postgresql"))));
        Assert.Contains("JUJU_REMOTE_UNIT", ex.Message);
    }

    [Theory]
    [InlineData("db:x")]
    [InlineData("db:")]
    [InlineData("db:-1")]
    public void Bad_relation_id_is_refused(string value)
    {
        var ex = Assert.Throws<JujuContextException>(() => JujuContext.FromEnvironment(Env(("JUJU_RELATION_ID", value))));
        Assert.Contains("JUJU_RELATION_ID", ex.Message);
    }

    [Theory]
    [InlineData("install")]
    [InlineData("hooks/")]
    [InlineData("charms/install")]
    public void Bad_dispatch_path_is_refused(string path)
    {
        var ex = Assert.Throws<JujuContextException>(() => JujuContext.FromEnvironment(Env(("JUJU_DISPATCH_PATH", path))));
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void Bad_version_is_refused_naming_the_variable()
    {
        var ex = Assert.Throws<JujuContextException>(() => JujuContext.FromEnvironment(Env(("JUJU_VERSION", "three"))));
        Assert.Contains("JUJU_VERSION", ex.Message);
        Assert.IsType<FormatException>(ex.InnerException);
    }

    [Fact]
    public void Overflowing_version_is_refused_naming_the_variable()
    {
        var ex = Assert.Throws<JujuContextException>(() => JujuContext.FromEnvironment(Env(("JUJU_VERSION", "3.99999999999.0"))));
        Assert.Contains("JUJU_VERSION", ex.Message);
    }
}
