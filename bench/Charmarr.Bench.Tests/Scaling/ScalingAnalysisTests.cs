using Charmarr.Bench.Scaling;

namespace Charmarr.Bench.Tests.Scaling;

public sealed class ScalingAnalysisTests
{
    private static readonly int[] RemoteUnits = [1, 10, 100, 200];

    [Fact]
    public void One_relation_get_per_remote_unit_plus_a_constant_meets_the_calls_target_on_every_row()
    {
        var rows = ScalingAnalysis.Analyse([.. RemoteUnits.Select(n => Point(n, Calls(n, relationList: 1), Linear(n)))], "relation-get");

        Assert.All(rows, r => Assert.True(r.Calls.Met));
        Assert.Equal([4, 13, 103, 203], rows.Select(r => r.TotalCalls));
        Assert.Equal([3, 3, 3, 3], rows.Select(r => r.CallsBeyondWork));
        Assert.Equal("relation-get = N, calls − N = 3", rows[0].Calls.Text);
    }

    [Fact]
    public void A_relation_list_repeated_per_remote_unit_fails_the_calls_target_once_there_is_more_than_one()
    {
        var rows = ScalingAnalysis.Analyse([.. RemoteUnits.Select(n => Point(n, Calls(n, relationList: n), Linear(n)))], "relation-get");

        Assert.Equal([true, false, false, false], rows.Select(r => r.Calls.Met));
        Assert.Equal([3, 12, 102, 202], rows.Select(r => r.CallsBeyondWork));
    }

    [Fact]
    public void Fewer_relation_gets_than_remote_units_fail_the_calls_target()
    {
        // Two bags read per call would be a different tool's cost: the target names one relation-get per bag.
        var rows = ScalingAnalysis.Analyse([Point(1, Calls(1, 1), Linear(1)), Point(10, [new("state-get", 1), new("relation-list", 1), new("relation-get", 5), new("status-set", 1), new("juju-log", 5)], Linear(10))], "relation-get");

        Assert.False(rows[1].Calls.Met);
    }

    [Fact]
    public void The_slope_is_the_median_s_growth_per_unit_of_work_since_the_row_before()
    {
        var rows = ScalingAnalysis.Analyse([Point(1, Calls(1, 1), [10, 11, 12]), Point(11, Calls(11, 1), [30, 31, 50])], "relation-get");

        Assert.Null(rows[0].SlopeMs);
        Assert.Equal(2.0, rows[1].SlopeMs);
        Assert.Equal(31, rows[1].MedianMs);
        Assert.Equal(50, rows[1].P90Ms);
    }

    [Fact]
    public void Wall_time_linear_in_n_meets_the_growth_target_on_the_last_row_only()
    {
        var rows = ScalingAnalysis.Analyse([.. RemoteUnits.Select(n => Point(n, Calls(n, 1), Linear(n)))], "relation-get");

        Assert.All(rows.SkipLast(1), r => Assert.Null(r.Growth));
        Assert.True(rows[^1].Growth!.Met);
    }

    [Fact]
    public void Wall_time_quadratic_in_n_fails_the_growth_target()
    {
        var rows = ScalingAnalysis.Analyse([.. RemoteUnits.Select(n => Point(n, Calls(n, 1), [.. Linear(n).Select(ms => ms + 0.01 * n * n)]))], "relation-get");

        Assert.False(rows[^1].Growth!.Met);
    }

    [Fact]
    public void A_last_step_within_the_last_point_s_own_spread_is_not_read_as_growth()
    {
        // 0.1 ms per KiB before, 0.2 after: the extra 1.6 ms is within that point's p90 − median of 5 ms.
        ScalingPoint[] points = [Point(1, Constant, [5, 5, 5]), Point(16, Constant, [6.5, 6.5, 6.5]), Point(32, Constant, [9.7, 9.7, 14.7])];

        Assert.True(ScalingAnalysis.Analyse(points, null)[^1].Growth!.Met);
    }

    [Fact]
    public void Without_a_per_work_tool_the_calls_must_not_change_with_the_work()
    {
        ScalingPoint[] points = [Point(1, Constant, [5]), Point(16, Constant, [5]), Point(32, [new("state-get", 1), new("state-set", 2)], [5])];

        var rows = ScalingAnalysis.Analyse(points, null);

        Assert.Equal([true, true, false], rows.Select(r => r.Calls.Met));
        Assert.Equal("= 2 at every size", rows[0].Calls.Text);
    }

    [Fact]
    public void Points_out_of_order_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ScalingAnalysis.Analyse([Point(10, Constant, [1]), Point(1, Constant, [1])], null));

        Assert.StartsWith("the points must be in ascending order of work", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calls_are_tallied_by_tool_in_the_order_of_first_use()
    {
        var calls = ToolCalls.Tally(["state-get", "relation-list", "relation-get", "relation-get", "status-set"]);

        Assert.Equal("state-get ×1, relation-list ×1, relation-get ×2, status-set ×1", ToolCalls.Describe(calls));
    }

    private static readonly ToolCalls[] Constant = [new("state-get", 1), new("state-set", 1)];

    private static ScalingPoint Point(double work, IReadOnlyList<ToolCalls> calls, IReadOnlyList<double> wall) => new(work, calls, wall);

    private static ToolCalls[] Calls(int remoteUnits, int relationList) =>
        [new("state-get", 1), new("relation-list", relationList), new("relation-get", remoteUnits), new("status-set", 1)];

    // 20 ms start-up and 1.5 ms per remote unit, with a spread of 1 ms.
    private static double[] Linear(int n) => [20 + 1.5 * n, 20.5 + 1.5 * n, 21 + 1.5 * n];
}
