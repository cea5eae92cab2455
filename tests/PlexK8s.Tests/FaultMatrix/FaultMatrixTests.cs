namespace Charmarr.PlexK8s.Tests.FaultMatrix;

/// <summary>
/// plex-k8s's events × faults (issue 15 item 3): each hook tool failing with exit 1 and 2, Pebble absent / silent / 500 /
/// dropped mid-answer, Kubernetes 403 / 404 / 409 / 429 / 500 / unreachable / silent. One test per event and fault family
/// asserts every cell of it (<see cref="FaultExpectations"/>); the table goes to charms/plex-k8s/FAULTS.md.
/// </summary>
public sealed class FaultMatrixTests(FaultMatrixFixture matrix) : IClassFixture<FaultMatrixFixture>
{
    public static TheoryData<string, string> Cells => new(
        FaultCellRunner.Events.SelectMany(e => new[] { "HookTool", "Pebble", "Kubernetes" }.Select(f => (e, f))));

    [Theory]
    [MemberData(nameof(Cells))]
    public void Every_fault_ends_in_a_status_that_says_what_to_do_or_a_typed_retryable_error_never_a_hang_or_escape(string eventName, string family)
    {
        var faults = Fault.Of(Enum.Parse<FaultFamily>(family)).ToList();
        var problems = faults
            .Select(f => matrix.Outcomes[(eventName, f.Name)])
            .Select(cell => FaultExpectations.Problem(cell) is { } p ? $"{cell.Fault.Name}: {p}" : null)
            .OfType<string>()
            .ToList();

        Assert.True(problems.Count == 0, $"{eventName}: {problems.Count} of {faults.Count} cells wrong:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Without_a_fault_every_event_succeeds()
    {
        foreach (var (e, cell) in matrix.Baseline)
        {
            Assert.True(cell.ExitCode == 0 && cell.ActionFailure is null, $"{e}: exit {cell.ExitCode}, {cell.Status}, {cell.ActionFailure}, {cell.Exception}");
        }
    }
}
