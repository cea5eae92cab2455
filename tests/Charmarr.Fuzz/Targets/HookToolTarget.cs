using Charmarr.Ops.Backend;
using Charmarr.Ops.HookTools;

namespace Charmarr.Fuzz.Targets;

/// <summary>
/// The hook-tool backend's parsing of one tool's output: <see cref="HookToolBackend"/> over a fake runner (the same
/// seam the backend's unit tests use) that answers every tool with the input as stdout (exit 0), or, for the
/// <c>hook-tool-failure</c> target, with exit 1 or 2 and the input as stderr. Documented (IJujuBackend):
/// <see cref="JujuModelException"/> or a subclass, never anything else.
/// </summary>
public sealed class HookToolTarget : FuzzTarget
{
    private readonly string tool;
    private readonly Func<IJujuBackend, object?> call;
    private readonly IReadOnlyList<string> seeds;
    private readonly int exitCode;

    private HookToolTarget(string tool, Func<IJujuBackend, object?> call, IReadOnlyList<string> seeds, int exitCode = 0)
    {
        this.tool = tool;
        this.call = call;
        this.seeds = seeds;
        this.exitCode = exitCode;
    }

    /// <inheritdoc />
    public override string Name => exitCode == 0 ? $"hook-tool-{tool}" : $"hook-tool-{tool}-exit{exitCode}";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions => [typeof(JujuModelException)];

    /// <inheritdoc />
    public override IReadOnlyList<string> Seeds => seeds;

    /// <summary>One target per tool whose output the backend parses, plus failing status-get (exit 1 and 2).</summary>
    /// <returns>The targets.</returns>
    public static IEnumerable<FuzzTarget> All()
    {
        yield return new HookToolTarget("is-leader", b => b.IsLeader(), ["true\n", "false\n"]);
        yield return new HookToolTarget("config-get", b => b.GetConfig(), ["{\"debug\":false,\"port\":8080,\"ratio\":0.5,\"user\":\"admin\"}\n", "{}\n", "{\"nested\":{\"a\":1}}\n"]);
        yield return new HookToolTarget("relation-ids", b => b.GetRelationIds("db"), ["[\"db:1\",\"db:12\",\"db:2\"]\n", "[]\n"]);
        yield return new HookToolTarget("relation-list", b => b.GetRelationUnits("db", 1), ["[\"mysql/0\",\"mysql/10\",\"mysql/2\"]\n", "[]\n"]);
        yield return new HookToolTarget("relation-list-app", b => b.GetRelationRemoteApp("db", 1), ["\"mysql\"\n", "null\n"]);
        yield return new HookToolTarget("relation-get", b => b.GetRelationData("db", 1, "mysql/0", false), ["{\"egress-subnets\":\"10.1.2.3/32\",\"ingress-address\":\"10.1.2.3\",\"private-address\":\"10.1.2.3\",\"user\":\"bob\"}\n", "{\"q\":\"a\\u003cb\\u0026c\\u003e\"}\n"]);
        yield return new HookToolTarget("status-get", b => b.GetStatus(false), ["{\"message\":\"ready\",\"status\":\"active\",\"status-data\":{}}\n", "{\"status\":\"unknown\"}\n"]);
        yield return new HookToolTarget("status-get-app", b => b.GetStatus(true), ["{\"application-status\":{\"message\":\"one down\",\"status\":\"blocked\",\"status-data\":{},\"units\":{\"app/0\":{\"message\":\"\",\"status\":\"active\",\"status-data\":{}},\"app/1\":{\"message\":\"disk\",\"status\":\"maintenance\",\"status-data\":{}}}}}\n"]);
        yield return new HookToolTarget("goal-state", b => b.GetGoalState(), ["{\"units\":{\"app/0\":{\"status\":\"active\",\"since\":\"2024-05-01 10:00:00Z\"}},\"relations\":{\"db\":{\"mysql\":{\"status\":\"joined\",\"since\":\"2024-05-01 10:01:02Z\"},\"mysql/0\":{\"status\":\"active\"}}}}\n", "{\"units\":{\"app/0\":{\"status\":\"dying\"}}}\n"]);
        yield return new HookToolTarget("action-get", b => b.GetActionParameters(), ["{\"compress\":true,\"file\":{\"kind\":\"xz\"},\"timeout\":30}\n", "{}\n"]);
        yield return new HookToolTarget("opened-ports", b => b.GetOpenedPorts(), ["[\"80/tcp\",\"1000-2000/udp\",\"icmp\",\"8080\"]\n", "[]\n"]);
        yield return new HookToolTarget("storage-list", b => b.ListStorage(null), ["[\"data/0\",\"data/1\"]\n", "[]\n"]);
        yield return new HookToolTarget("storage-get", b => b.GetStorage("data/0"), ["{\"kind\":\"block\",\"location\":\"/dev/sdb\"}\n", "{\"kind\":\"filesystem\",\"location\":\"/srv/data\"}\n"]);
        yield return new HookToolTarget("state-get", b => b.GetState(), ["null\n", "{\"a\":\"1\",\"b\":\"\"}\n"]);
        yield return new HookToolTarget("secret-add", b => b.AddSecret(new Dictionary<string, string> { ["password"] = "v" }, Ops.Model.SecretOwner.Application, new Ops.Model.SecretOptions()), ["secret:cr3jbo3ml4kb8n7q8ou0\n"]);
        yield return new HookToolTarget("secret-get", b => b.GetSecret("secret:cr3jbo3ml4kb8n7q8ou0", null, false, false), ["{\"password\":\"s3cret\",\"user\":\"bob\"}\n"]);
        yield return new HookToolTarget("secret-info-get", b => b.GetSecretInfo("secret:cr3jbo3ml4kb8n7q8ou0", null), ["{\"cr3jbo3ml4kb8n7q8ou0\":{\"revision\":2,\"label\":\"db-pw\",\"owner\":\"application\",\"description\":\"x\",\"rotation\":\"monthly\",\"expiry\":\"2025-01-01T06:06:06Z\",\"rotates\":\"2024-12-01T00:00:00Z\",\"access\":[{\"target\":\"application-wordpress\",\"scope\":\"relation-8\",\"role\":\"view\"}]}}\n", "{\"cr3jbo3ml4kb8n7q8ou0\":{\"revision\":1,\"label\":\"\",\"owner\":\"unit\"}}\n"]);
        yield return new HookToolTarget("secret-ids", b => b.GetSecretIds(), ["[\"cr3jbo3ml4kb8n7q8ou0\",\"cr3jbo3ml4kb8n7q8ou1\"]\n", "null\n"]);
        yield return new HookToolTarget("network-get", b => b.GetNetwork("db", null), ["{\"bind-addresses\":[{\"mac-address\":\"00:16:3e:aa:bb:cc\",\"interface-name\":\"eth0\",\"addresses\":[{\"hostname\":\"\",\"value\":\"10.0.0.5\",\"cidr\":\"10.0.0.0/24\"}]}],\"egress-subnets\":[\"10.0.0.5/32\"],\"ingress-addresses\":[\"10.0.0.5\"]}\n", "{}\n", "{\"bind-addresses\":[{\"interface-name\":\"eth0\",\"addresses\":[{\"address\":\"10.0.0.6\"}]}]}\n"]);
        yield return new HookToolTarget("resource-get", b => b.GetResource("software"), ["/var/lib/juju/agents/unit-app-0/resources/software/software.zip", "/srv/res/my file \n"]);
        string[] stderr = ["ERROR relation not found\n", "ERROR permission denied\n", "ERROR secret \"x\" not found\n", "error: flag provided but not defined: --bad\n"];
        yield return new HookToolTarget("relation-get", b => b.GetRelationData("db", 1, "mysql/0", false), stderr, exitCode: 1);
        yield return new HookToolTarget("status-set", b => { b.SetStatus(Ops.Model.Status.Active("ok"), false); return null; }, stderr, exitCode: 2);
    }

    /// <summary>A backend whose every tool answers <paramref name="stdout"/>/<paramref name="stderr"/> with <paramref name="exitCode"/>.</summary>
    /// <param name="exitCode">The tools' exit code.</param>
    /// <param name="stdout">Their standard output.</param>
    /// <param name="stderr">Their standard error.</param>
    /// <returns>The backend.</returns>
    public static IJujuBackend Backend(int exitCode, string stdout, string stderr) => FakeRunner.Backend(exitCode, stdout, stderr);

    /// <inheritdoc />
    protected override FuzzOutcome Execute(string input)
    {
        var backend = exitCode == 0 ? Backend(0, input, string.Empty) : Backend(exitCode, string.Empty, input);
        call(backend);
        return exitCode == 0 ? FuzzOutcome.Accepted : FuzzOutcome.Property("a failing tool was reported as success");
    }
}

/// <summary>An <see cref="IHookToolRunner"/> whose every tool answers the same <see cref="HookToolResult"/>.</summary>
/// <param name="result">The answer.</param>
internal sealed class FakeRunner(HookToolResult result) : IHookToolRunner
{
    /// <summary>A backend whose every tool answers the same.</summary>
    /// <param name="exitCode">The tools' exit code.</param>
    /// <param name="stdout">Their standard output.</param>
    /// <param name="stderr">Their standard error.</param>
    /// <returns>The backend.</returns>
    public static HookToolBackend Backend(int exitCode, string stdout, string stderr) =>
        new(new FakeRunner(new HookToolResult(exitCode, stdout, stderr)));

    /// <inheritdoc />
    public HookToolResult Run(string tool, IReadOnlyList<string> args, string? stdin) => result;
}
