using Charmarr.Ops.FakeJuju.Model;

namespace Charmarr.Ops.FakeJuju.Tests;

public sealed class StrictParsingTests
{
    private static readonly Expect[] Calls =
    [
        new("is-leader --foo", 2, Stderr: "ERROR flag provided but not defined: --foo\n"),
        new("config-get -format json", 2, Stderr: "ERROR flag provided but not defined: -f\n"),
        new("relation-ids db b c", 2, Stderr: "ERROR unrecognized args: [\"b\" \"c\"]\n"),
        new("relation-list -r x", 2, Stderr: "ERROR invalid value \"x\" for flag -r: invalid relation id\n"),
        new("relation-list -r db:9", 2, Stderr: "ERROR invalid value \"db:9\" for flag -r: relation not found\n"),
        new("relation-list", 2, Stderr: "ERROR no relation id specified\n"),
        new("relation-list -r", 2, Stderr: "ERROR flag needs an argument: -r\n"),
        new("relation-list --format=json --relation=wrong:1", 0, "[\"pg/0\",\"pg/10\",\"pg/2\"]\n"),
        new("relation-list --format json -r 1 --app", 0, "\"pg\"\n"),
        new("relation-list -r1 --app=yes", 2, Stderr: "ERROR invalid boolean flag app: strconv.ParseBool: parsing \"yes\": invalid syntax\n"),
        new("relation-get --format=json -r db:1 - pg/0 --app=False", 0,
            "{\"egress-subnets\":\"10.1.1.11/32\",\"ingress-address\":\"10.1.1.11\",\"private-address\":\"10.1.1.11\",\"user\":\"\\u003cbob\\u0026\\u003e\"}\n"),
        new("relation-get --format=json -r db:1 missing pg/0", 0, "null\n"),
        new("relation-get -r 1 - pg", 2, Stderr: "ERROR expected unit name, got application name \"pg\"\n"),
        new("relation-get -r 1 - pg/0 extra", 2, Stderr: "ERROR unrecognized args: [\"extra\"]\n"),
        new("relation-get --format=json -r 1 --app - sample", 1, Stderr: "ERROR permission denied\n"),
        new("relation-set -r 1 --app a=b", 1, Stderr: "ERROR cannot write relation settings\n"),
        new("relation-set -r 1 foo", 2, Stderr: "ERROR expected \"key=value\", got \"foo\"\n"),
        new("relation-set -r 1 a=1 a=2", 2, Stderr: "ERROR key \"a\" specified more than once\n"),
        new("relation-set -r 1 --format=json a=1", 0, Stderr: "--format flag deprecated for command \"relation-set\""),
        new("status-set --format=json active", 2, Stderr: "ERROR flag provided but not defined: --format\n"),
        new("status-set error", 2, Stderr: "ERROR invalid status \"error\", expected one of [maintenance blocked waiting active]\n"),
        new("status-set", 2, Stderr: "ERROR invalid args, require <status> [message]\n"),
        new("status-set active a b", 2, Stderr: "ERROR unrecognized args: [\"b\"]\n"),
        new("status-set --application active", 1, Stderr: "ERROR this unit is not the leader\n"),
        new("status-set -- maintenance -starting-", 0),
        new("status-get --format=xml", 2, Stderr: "ERROR invalid value \"xml\" for flag --format: unknown format \"xml\"\n"),
        new("status-get --format=json --include-data", 0, "{\"message\":\"-starting-\",\"status\":\"maintenance\",\"status-data\":{}}\n"),
        new("status-get", 0, "maintenance\n"),
        new("goal-state --format=smart", 2, Stderr: "ERROR invalid value \"smart\" for flag --format: unknown format \"smart\"\n"),
        new("config-get --all port", 2, Stderr: "ERROR cannot use argument --all together with key \"port\"\n"),
        new("config-get --format=json", 0, "{\"debug\":false,\"port\":8080,\"user\":\"admin\"}\n"),
        new("config-get --format=json -a", 0, "{\"debug\":false,\"nothing\":null,\"port\":8080,\"user\":\"admin\"}\n"),
        new("config-get --format=json port", 0, "8080\n"),
        new("config-get --format=json nope", 0, "null\n"),
        new("action-get", 1, Stderr: "ERROR not running an action\n"),
        new("action-set Bad=1", 2, Stderr: "ERROR key \"Bad\" must start and end with lowercase alphanumeric, and contain only lowercase alphanumeric, hyphens and periods\n"),
        new("action-set ok=1", 1, Stderr: "ERROR not running an action\n"),
        new("state-get --format=json", 0, "null\n"),
        new("state-get --format=json missing", 0, "\"\"\n"),
        new("state-get --strict missing", 1, Stderr: "ERROR \"missing\" not found\n"),
        new("open-port 80/sctp", 2, Stderr: "ERROR invalid protocol \"sctp\", expected \"tcp\", \"udp\", or \"icmp\"\n"),
        new("open-port 90-80", 2, Stderr: "ERROR invalid port range 90-80/tcp\n"),
        new("open-port 0-70000/udp", 2, Stderr: "ERROR port range bounds must be between 0 and 65535, got 0-70000\n"),
        new("open-port 80/icmp", 2, Stderr: "ERROR protocol \"icmp\" doesn't support any ports; got \"80\"\n"),
        new("open-port", 2, Stderr: "ERROR no port or range specified\n"),
        new("juju-log", 2, Stderr: "ERROR no message specified\n"),
        new("juju-log --format=json -l warn -- -hello- world", 0, Stderr: "--format flag deprecated for command \"juju-log\""),
        new("application-version-set", 2, Stderr: "ERROR no version specified\n"),
        new("application-version-set -- -1.2-", 0),
        new("resource-get", 2, Stderr: "ERROR missing required resource name\n"),
        new("resource-get software", 0, "/tmp/software.zip"),
        new("storage-get", 2, Stderr: "ERROR no storage instance specified\n"),
        new("storage-get -s bad", 2, Stderr: "ERROR invalid value \"bad\" for flag -s: invalid storage ID \"bad\"\n"),
        new("storage-get --format=json -s data/0", 0, "{\"kind\":\"filesystem\",\"location\":\"/srv/data\"}\n"),
        new("storage-get -s data/0 size", 1, Stderr: "ERROR invalid storage attribute \"size\"\n"),
        new("storage-add data=10G", 2, Stderr: "ERROR only count can be specified for \"data\"\n"),
        new("leader-set a=b", 1, Stderr: "ERROR cannot write leadership settings: cannot write settings: not the leader\n"),
        new("network-get", 2, Stderr: "ERROR no arguments specified\n"),
        new("network-get --format=json db --ingress-address", 0, "\"10.0.0.5\"\n"),
        new("is-leader", 0, "False\n"),
        new("is-leader -h", 0, "Usage: is-leader [--format]\n"),
    ];

    [Fact]
    public void Every_tool_rejects_what_Juju_rejects_and_prints_what_Juju_prints()
    {
        var model = new FakeModel();
        model.ConfigDefaults["port"] = 8080;
        model.ConfigDefaults["debug"] = false;
        model.ConfigDefaults["user"] = "nobody";
        model.ConfigDefaults["nothing"] = null;
        model.SetConfig("user", "admin");
        model.AddRelation("db", "pg", "pg/0", "pg/2", "pg/10").SetRemoteUnitData("pg/0", "user", "<bob&>");
        model.Resources["software"] = "/tmp/software.zip";
        model.Storage["data/0"] = new FakeStorage("filesystem", "/srv/data");
        using var charm = new TestCharm(Expect.Script(Calls), model);

        var result = charm.Unit.RunHook("install");

        Expect.Calls(result, Calls);
        Assert.Equal([new LogLine("WARNING", "-hello- world")], result.Model.Logs);
        Assert.Equal("-1.2-", result.Model.WorkloadVersion);
    }
}
