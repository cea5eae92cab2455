using Charmarr.Bench.StandIns;

namespace Charmarr.Bench.Tests.StandIns;

/// <summary>Recording a dispatch's environment, and running it again with the stand-ins first on PATH.</summary>
public sealed class DispatchEnvironmentTests
{
    [Fact]
    public void The_recording_line_goes_right_after_the_interpreter_line()
    {
        var dispatch = "#!/bin/sh\nexec ./charm\n";

        var recording = DispatchEnvironment.WithRecording(dispatch, "/tmp/w/env");

        Assert.Equal("#!/bin/sh\n/usr/bin/env -0 > '/tmp/w/env'\nexec ./charm\n", recording);
    }

    [Fact]
    public void A_dispatch_without_an_interpreter_line_is_refused()
    {
        var error = Assert.Throws<BenchException>(() => DispatchEnvironment.WithRecording("exec ./charm\n", "/tmp/env"));

        Assert.Contains("#!", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Env_output_is_parsed_keeping_equals_signs_and_newlines_in_values()
    {
        var variables = DispatchEnvironment.Parse("JUJU_UNIT_NAME=plex/0\0DATA=a=b\nc\0\0");

        Assert.Equal(new Dictionary<string, string> { ["JUJU_UNIT_NAME"] = "plex/0", ["DATA"] = "a=b\nc" }, variables);
    }

    [Fact]
    public void The_stand_ins_take_the_place_of_the_shims_first_on_path_and_nothing_else_changes()
    {
        var recorded = new Dictionary<string, string> { ["PATH"] = "/tmp/shims:/usr/bin:/bin", ["JUJU_UNIT_NAME"] = "plex/0" };

        var environment = DispatchEnvironment.WithTools(recorded, "/tmp/stand-ins");

        Assert.Equal("/tmp/stand-ins:/usr/bin:/bin", environment["PATH"]);
        Assert.Equal("plex/0", environment["JUJU_UNIT_NAME"]);
    }
}
