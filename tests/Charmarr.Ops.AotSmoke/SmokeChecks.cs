namespace Charmarr.Ops.AotSmoke;

/// <summary>Prints one line per check and the totals, in the form CI counts.</summary>
internal sealed class SmokeChecks
{
    private int passed;
    private int failed;

    public void Expect(string name, bool holds, string? actual = null)
    {
        if (holds)
        {
            passed++;
            Console.WriteLine($"ok   {name}");
        }
        else
        {
            failed++;
            Console.WriteLine($"FAIL {name}{(actual is null ? "" : $"\n     got: {actual}")}");
        }
    }

    /// <returns>The exit code: 0 when every check held.</returns>
    public int Report()
    {
        Console.WriteLine($"aot-smoke: {passed} passed, {failed} failed");
        return failed == 0 && passed > 0 ? 0 : 1;
    }
}
