namespace Charmarr.Bench.Tests;

public sealed class BenchOptionsTests
{
    [Fact]
    public void No_argument_measures_both_charms_packing_them_afresh_with_25_runs()
    {
        var options = BenchOptions.Parse([]);

        Assert.True(options.MeasuresPlex);
        Assert.True(options.MeasuresTemplate);
        Assert.Null(options.Charm);
        Assert.Null(options.TemplateCharm);
        Assert.Null(options.TemplateAssembly);
        Assert.Equal(25, options.Runs);
        Assert.True(options.ComparesWithPeer);
        Assert.True(options.MeasuresScaling);
        Assert.Null(options.Peer);
        Assert.Null(options.ScalingCharm);
    }

    [Theory]
    [InlineData("plex", true, false, false, false)]
    [InlineData("template", false, true, false, false)]
    [InlineData("compare", false, false, true, false)]
    [InlineData("scaling", false, false, false, true)]
    public void Only_measures_the_one_subject_named(string only, bool plex, bool template, bool compare, bool scaling)
    {
        var options = BenchOptions.Parse(["--only", only]);

        Assert.Equal(plex, options.MeasuresPlex);
        Assert.Equal(template, options.MeasuresTemplate);
        Assert.Equal(compare, options.ComparesWithPeer);
        Assert.Equal(scaling, options.MeasuresScaling);
    }

    [Fact]
    public void The_packed_charms_and_the_template_assembly_are_taken_as_given()
    {
        var options = BenchOptions.Parse(["--charm", "p.charm", "--template-charm", "t.charm", "--template-assembly", "T.dll", "--runs", "40", "--peer", "/peers/ops", "--scaling-charm", "s.charm"]);

        Assert.Equal(new BenchOptions("p.charm", "t.charm", "T.dll", true, true, 40, "/peers/ops", ScalingCharm: "s.charm"), options);
    }

    [Theory]
    [InlineData(new[] { "--only", "both" }, "--only takes 'plex', 'template', 'compare' or 'scaling', not 'both'")]
    [InlineData(new[] { "--scaling-charm" }, "--scaling-charm needs a value")]
    [InlineData(new[] { "--peer" }, "--peer needs a value")]
    [InlineData(new[] { "--template-assembly", "T.dll" }, "--template-assembly goes with --template-charm")]
    [InlineData(new[] { "--runs", "19" }, "--runs takes a whole number of at least 20, not '19'")]
    [InlineData(new[] { "--template-charm" }, "--template-charm needs a value")]
    [InlineData(new[] { "--fast" }, "unknown argument '--fast'")]
    public void Bad_arguments_are_refused_with_what_to_do(string[] args, string message)
    {
        var error = Assert.Throws<BenchException>(() => BenchOptions.Parse(args));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
