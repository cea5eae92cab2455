using System.Diagnostics;
using Charmarr.Cli.Simulation;
using Charmarr.Ops.Testing.Juju;
using Charmarr.Ops.Testing.Juju.HookTools;

namespace Charmarr.Cli.Tests.Simulation;

/// <summary>The native shim against the hook-tool server over a real unix socket, as a charm process calls it.</summary>
public sealed class HookToolShimTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("charmarr-shim-").FullName;
    private readonly MemoryJujuBackend backend = new("sample/0");
    private HookToolSocketServer server = null!;

    public ValueTask InitializeAsync()
    {
        server = HookToolSocketServer.Start(backend, Path.Combine(directory, "agent.socket"));
        foreach (var tool in HookToolSocketServer.ToolNames)
        {
            File.CreateSymbolicLink(Path.Combine(directory, tool), ShimLocator.Find());
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task State_set_reads_stdin_when_the_server_asks_and_the_model_keeps_it()
    {
        server.BeginContext("ctx-1", new Dictionary<string, string>());

        var result = await RunAsync("state-set", ["--file", "-"], "ctx-1", """{"dsn":"postgresql://pg/sample","installs":"1"}""");

        Assert.Equal((0, "", ""), result);
        Assert.Equal("postgresql://pg/sample", backend.UnitState["dsn"]);
        Assert.Equal("""{"dsn":"postgresql://pg/sample","installs":"1"}""", server.Calls.Single().Stdin);
    }

    [Fact]
    public async Task State_get_prints_go_json_with_sorted_keys()
    {
        backend.SetState(new Dictionary<string, string> { ["b"] = "<2>", ["a"] = "1" });
        server.BeginContext("ctx-2", new Dictionary<string, string>());

        var result = await RunAsync("state-get", ["--format=json"], "ctx-2");

        Assert.Equal((0, "{\"a\":\"1\",\"b\":\"\\u003c2\\u003e\"}\n", ""), result);
    }

    [Fact]
    public async Task A_call_from_an_ended_context_is_refused_as_juju_does()
    {
        server.BeginContext("ctx-3", new Dictionary<string, string>());
        server.EndContext();

        var result = await RunAsync("is-leader", ["--format=json"], "ctx-3");

        Assert.Equal((1, "", "ERROR bad request: wrong context ID; got \"ctx-3\"\n"), result);
    }

    [Fact]
    public async Task Relation_get_defaults_to_the_hooks_relation_and_remote_unit()
    {
        var id = backend.AddRelation("db", "pg");
        backend.AddRemoteUnit(id, "pg/0");
        backend.SetRemoteUnitData(id, "pg/0", new Dictionary<string, string> { ["host"] = "db.example" });
        server.BeginContext("ctx-4", new Dictionary<string, string> { ["JUJU_RELATION_ID"] = $"db:{id}", ["JUJU_REMOTE_UNIT"] = "pg/0" });

        var result = await RunAsync("relation-get", ["--format=json", "-", "pg/0"], "ctx-4");

        Assert.Equal((0, "{\"host\":\"db.example\"}\n", ""), result);
    }

    [Fact]
    public async Task A_usage_error_exits_2_with_the_flag_message()
    {
        server.BeginContext("ctx-5", new Dictionary<string, string>());

        var result = await RunAsync("status-set", ["--bogus", "active"], "ctx-5");

        Assert.Equal((2, "", "ERROR flag provided but not defined: --bogus\n"), result);
    }

    private async Task<(int, string, string)> RunAsync(string tool, string[] args, string contextId, string? stdin = null)
    {
        var start = new ProcessStartInfo(Path.Combine(directory, tool))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["JUJU_CONTEXT_ID"] = contextId, ["JUJU_AGENT_SOCKET_ADDRESS"] = server.SocketPath },
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, stdout, stderr);
    }
}
