using Charmarr.Cli.Packing;
using Charmarr.Ops.Metadata;

namespace Charmarr.Cli.Tests.Packing;

/// <summary>charmcraft.yaml mistakes are reported as <c>charmcraft.yaml:LINE:COL: what is wrong</c>.</summary>
public sealed class CharmcraftErrorTests
{
    private const string Valid = "name: demo\ntype: charm\nsummary: s\ndescription: d\nbase: ubuntu@24.04\nplatforms:\n  amd64:\n";

    [Theory]
    [InlineData(Valid + "config:\n  options:\n    port:\n      type: integer\n", "charmcraft.yaml:11:13: config option 'port' has unknown type 'integer' (expected string, int, float, boolean or secret)")]
    [InlineData(Valid + "requires:\n  db:\n    limit: 1\n", "charmcraft.yaml:10:5: endpoint 'db' needs 'interface'")]
    [InlineData(Valid + "containres:\n  app: {}\n", "charmcraft.yaml:8:1: unknown key 'containres'; charmcraft.yaml keys are the metadata.yaml keys plus type, base, platforms, parts, config and actions")]
    [InlineData("name: demo\ntype: bundle\nplatforms:\n  amd64:\n", "charmcraft.yaml:2:7: 'type' is 'bundle', but charmarr packs charms only (type: charm)")]
    [InlineData("name: demo\nplatforms:\n  amd64:\n", "charmcraft.yaml:3:3: platform 'amd64' has no base: add 'base: ubuntu@24.04' at the top level, or write it as ubuntu@24.04:amd64")]
    [InlineData("name: demo\nbase: ubuntu-24.04\nplatforms:\n  amd64:\n", "charmcraft.yaml:2:7: base 'ubuntu-24.04' is not of the form name@channel, e.g. ubuntu@24.04")]
    [InlineData("name: demo\nbase: ubuntu@24.04\nplatforms:\n  sparc:\n", "charmcraft.yaml:4:3: platform 'sparc' names no known architecture (amd64, arm64, armhf, ppc64el, riscv64, s390x)")]
    [InlineData("name: demo\nplatforms:\n  amd64:\n bad-indent: 1\n", "charmcraft.yaml:4:2: not valid YAML")]
    public void The_message_names_the_line_column_and_problem(string yaml, string expected)
    {
        var error = Assert.Throws<CharmMetadataException>(() => CharmcraftReader.Parse(yaml));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Platforms_may_name_the_base_themselves_and_legacy_bases_still_read()
    {
        var modern = CharmcraftReader.Parse("name: demo\nplatforms:\n  ubuntu@22.04:amd64:\n  jammy:\n    build-on: [ubuntu@22.04:amd64]\n    build-for: [ubuntu@22.04:arm64]\n");
        var legacy = CharmcraftReader.Parse("name: demo\nbases:\n  - build-on:\n      - name: ubuntu\n        channel: \"22.04\"\n    run-on:\n      - name: ubuntu\n        channel: \"22.04\"\n        architectures: [amd64, arm64]\n");

        Assert.Equal([new CharmBase("ubuntu", "22.04", "amd64"), new CharmBase("ubuntu", "22.04", "arm64")], modern.Bases);
        Assert.Equal(modern.Bases, legacy.Bases);
    }
}
