using Charmarr.Ops.Backend;
using Charmarr.Ops.HookTools;
using Charmarr.Ops.Model;
using Xunit;

namespace Charmarr.Ops.Tests.HookTools;

/// <summary>Mapping a non-zero exit to the right exception, using Juju's own stderr texts.</summary>
public sealed class HookToolErrorsTests
{
    private readonly RecordingHookToolRunner _runner = new();

    private HookToolBackend Backend => new(_runner);

    [Fact]
    public void Relation_not_found_from_relation_tool()
    {
        _runner.Fails("relation-get", 2, "ERROR invalid value \"db:9\" for flag -r: relation not found\n");
        var ex = Assert.Throws<RelationNotFoundException>(() => Backend.GetRelationData("db", 9, "mysql/0", false));
        Assert.Equal("relation-get failed (exit 2): invalid value \"db:9\" for flag -r: relation not found", ex.Message);
        Assert.Equal("relation-get", ex.Tool);
        Assert.Equal(2, ex.ExitCode);
        Assert.Equal("ERROR invalid value \"db:9\" for flag -r: relation not found\n", ex.Stderr);
    }

    [Fact]
    public void Relation_not_found_from_network_get()
    {
        _runner.Fails("network-get", 2, "ERROR invalid value \"9\" for flag -r: relation not found\n");
        Assert.Throws<RelationNotFoundException>(() => Backend.GetNetwork("db", 9));
    }

    [Fact]
    public void Relation_not_found_from_secret_grant_is_about_the_relation_not_the_secret()
    {
        _runner.Fails("secret-grant", 2, "ERROR invalid value \"9\" for flag -r: relation not found\n");
        var ex = Assert.Throws<RelationNotFoundException>(() => Backend.GrantSecret("secret:abc", 9, null));
        Assert.Equal("secret-grant", ex.Tool);
    }

    [Fact]
    public void Relation_not_found_text_from_another_tool_is_a_plain_model_error()
    {
        _runner.Fails("storage-get", 2, "ERROR relation not found\n");
        var ex = Assert.Throws<JujuModelException>(() => Backend.GetStorage("data/0"));
        Assert.Equal(typeof(JujuModelException), ex.GetType());
    }

    [Fact]
    public void Permission_denied()
    {
        _runner.Fails("relation-get", 1, "ERROR permission denied\n");
        var ex = Assert.Throws<PermissionDeniedException>(() => Backend.GetRelationData("db", 1, "app", true));
        Assert.Equal("relation-get failed (exit 1): permission denied", ex.Message);
        Assert.Equal(1, ex.ExitCode);
    }

    [Fact]
    public void Cannot_write_relation_settings_is_permission_denied()
    {
        _runner.Fails("relation-set", 1, "ERROR cannot write relation settings\n");
        var ex = Assert.Throws<PermissionDeniedException>(
            () => Backend.SetRelationData("db", 1, new Dictionary<string, string> { ["k"] = "v" }, isApp: true));
        Assert.Equal("relation-set failed (exit 1): cannot write relation settings", ex.Message);
    }

    [Fact]
    public void Not_the_leader_is_permission_denied()
    {
        _runner.Fails("status-set", 1, "ERROR this unit is not the leader\n");
        var ex = Assert.Throws<PermissionDeniedException>(() => Backend.SetStatus(Status.Active(), application: true));
        Assert.Equal("status-set failed (exit 1): this unit is not the leader", ex.Message);
    }

    [Fact]
    public void Not_the_leader_from_status_get()
    {
        _runner.Fails("status-get", 1, "ERROR finding application status: this unit is not the leader\n");
        Assert.Throws<PermissionDeniedException>(() => Backend.GetStatus(application: true));
    }

    [Fact]
    public void Secret_not_found()
    {
        _runner.Fails("secret-get", 1, "ERROR secret \"cr3jbo3ml4kb8n7q8ou0\" not found\n");
        var ex = Assert.Throws<SecretNotFoundException>(() => Backend.GetSecret("secret:cr3jbo3ml4kb8n7q8ou0", null, false, false));
        Assert.Equal("secret-get failed (exit 1): secret \"cr3jbo3ml4kb8n7q8ou0\" not found", ex.Message);
    }

    [Fact]
    public void Secret_info_of_a_consumed_secret_is_not_found()
    {
        _runner.Fails("secret-info-get", 1, "ERROR secret \"x\" not found\n");
        Assert.Throws<SecretNotFoundException>(() => Backend.GetSecretInfo("secret:x", null));
    }

    [Fact]
    public void Missing_secret_key_is_a_plain_model_error()
    {
        _runner.Fails("secret-get", 1, "ERROR secret key value \"k\" not found\n");
        var ex = Assert.Throws<JujuModelException>(() => Backend.GetSecret("secret:abc", null, false, false));
        Assert.Equal(typeof(JujuModelException), ex.GetType());
        Assert.Equal("secret-get failed (exit 1): secret key value \"k\" not found", ex.Message);
    }

    [Fact]
    public void Secret_permission_denied_is_permission_denied()
    {
        _runner.Fails("secret-get", 1, "ERROR permission denied\n");
        Assert.Throws<PermissionDeniedException>(() => Backend.GetSecret("secret:abc", null, false, false));
    }

    [Fact]
    public void Not_found_from_a_non_secret_tool_is_a_plain_model_error()
    {
        _runner.Fails("network-get", 1, "ERROR no network config found for binding \"x\"\n");
        var ex = Assert.Throws<JujuModelException>(() => Backend.GetNetwork("x", null));
        Assert.Equal(typeof(JujuModelException), ex.GetType());
        Assert.Equal("network-get failed (exit 1): no network config found for binding \"x\"", ex.Message);
    }

    [Fact]
    public void Other_failure_is_a_plain_model_error_with_tool_exit_code_and_stderr()
    {
        _runner.Fails("action-get", 1, "ERROR not running an action\n");
        var ex = Assert.Throws<JujuModelException>(() => Backend.GetActionParameters());
        Assert.Equal(typeof(JujuModelException), ex.GetType());
        Assert.Equal("action-get failed (exit 1): not running an action", ex.Message);
        Assert.Equal("action-get", ex.Tool);
        Assert.Equal(1, ex.ExitCode);
        Assert.Equal("ERROR not running an action\n", ex.Stderr);
    }

    [Fact]
    public void Empty_stderr_still_names_tool_and_exit_code()
    {
        _runner.Fails("is-leader", 3, "");
        var ex = Assert.Throws<JujuModelException>(() => Backend.IsLeader());
        Assert.Equal("is-leader failed (exit 3)", ex.Message);
    }

    [Fact]
    public void Juju_log_failure_maps_too()
    {
        _runner.Fails("juju-log", 1, "ERROR JUJU_CONTEXT_ID not set\n");
        var ex = Assert.Throws<JujuModelException>(() => Backend.Log(JujuLogLevel.Info, "hi"));
        Assert.Equal("juju-log failed (exit 1): JUJU_CONTEXT_ID not set", ex.Message);
    }

    [Fact]
    public void Output_of_a_failed_tool_is_not_parsed()
    {
        _runner.Returns("config-get", "{}\n", exitCode: 2, stderr: "ERROR flag provided but not defined: --foo\n");
        var ex = Assert.Throws<JujuModelException>(() => Backend.GetConfig());
        Assert.Equal("config-get failed (exit 2): flag provided but not defined: --foo", ex.Message);
    }
}
