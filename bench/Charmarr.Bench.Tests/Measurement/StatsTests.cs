using Charmarr.Bench.Measurement;

namespace Charmarr.Bench.Tests.Measurement;

public sealed class StatsTests
{
    [Theory]
    [InlineData(new[] { 5.0, 1, 4, 2, 3 }, 50, 3.0)]
    [InlineData(new[] { 4.0, 1, 3, 2 }, 50, 2.0)]
    [InlineData(new[] { 10.0, 1, 9, 2, 8, 3, 7, 4, 6, 5 }, 90, 9.0)]
    [InlineData(new[] { 7.0 }, 90, 7.0)]
    public void Percentile_is_the_smallest_sample_with_that_share_of_the_samples_at_or_below_it(double[] samples, double percent, double expected)
    {
        Assert.Equal(expected, Stats.Percentile(samples, percent));
    }

    [Fact]
    public void Percentile_of_no_sample_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Stats.Percentile([], 50));
    }
}
