using Charmarr.Ops.FakeJuju.Driver;

namespace Charmarr.Ops.FakeJuju.Tests;

/// One shell line of a dispatch script that makes exactly one tool call, and what that call must return.
internal sealed record Expect(string Line, int ExitCode, string Stdout = "", string Stderr = "")
{
    public static string Script(IEnumerable<Expect> expectations) => string.Join("\n", expectations.Select(e => e.Line));

    /// Compares the calls log of a run, call by call, with the expectations.
    public static void Calls(HookRunResult result, IReadOnlyList<Expect> expectations)
    {
        Assert.Equal(expectations.Count, result.Calls.Count);
        for (var i = 0; i < expectations.Count; i++)
        {
            var call = result.Calls[i];
            var expected = expectations[i];
            var actual = new Expect(expected.Line, call.ExitCode, call.Stdout, call.Stderr);
            Assert.Equal(expected, actual);
        }
    }
}
