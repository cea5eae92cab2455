using Charmarr.Ops.HookTools;
using Xunit;

namespace Charmarr.Ops.Tests.HookTools;

/// <summary>One recorded hook-tool call.</summary>
internal sealed record HookToolCall(string Tool, IReadOnlyList<string> Args, string? Stdin);

/// <summary>A fake runner: returns canned results per tool and records every call.</summary>
internal sealed class RecordingHookToolRunner : IHookToolRunner
{
    private readonly Dictionary<string, HookToolResult> _results = new(StringComparer.Ordinal);

    public List<HookToolCall> Calls { get; } = [];

    /// <summary>Runs during each call, before the canned result is returned (to look at temp files, say).</summary>
    public Action<HookToolCall>? OnCall { get; set; }

    public RecordingHookToolRunner Returns(string tool, string stdout, int exitCode = 0, string stderr = "")
    {
        _results[tool] = new HookToolResult(exitCode, stdout, stderr);
        return this;
    }

    public RecordingHookToolRunner Fails(string tool, int exitCode, string stderr) => Returns(tool, "", exitCode, stderr);

    public HookToolResult Run(string tool, IReadOnlyList<string> args, string? stdin)
    {
        var call = new HookToolCall(tool, args.ToArray(), stdin);
        Calls.Add(call);
        OnCall?.Invoke(call);
        return _results.TryGetValue(tool, out var result) ? result : new HookToolResult(0, "", "");
    }

    /// <summary>The single call made, as <c>tool arg1 arg2 …</c> in an array.</summary>
    public string[] SingleArgv()
    {
        var call = Assert.Single(Calls);
        return [call.Tool, .. call.Args];
    }
}
