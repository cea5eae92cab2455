using System.Net;
using System.Net.Sockets;
using System.Text;
using Charmarr.Ops.Testing.Http;
using Charmarr.Ops.Tracing;

namespace Charmarr.Ops.Tests.Tracing;

public sealed class CharmTracingTests
{
    [Fact]
    public void Without_a_destination_a_dispatch_exports_nothing_and_writes_nothing()
    {
        using var fixture = new TracingFixture();

        Assert.Equal(0, fixture.Dispatch("config-changed"));

        Assert.Empty(fixture.Exporter.Payloads);
        Assert.False(Directory.Exists(fixture.Directory));
    }

    [Fact]
    public void A_dispatch_is_one_trace_of_its_events_observers_and_hook_tools()
    {
        using var fixture = new TracingFixture();
        fixture.SaveDestination(new Uri("http://tempo:4318"));

        Assert.Equal(0, fixture.Dispatch("config-changed"));

        var spans = OtlpPayload.SingleDispatch(Assert.Single(fixture.Exporter.Payloads));
        Assert.Single(spans.Select(s => s.TraceId).Distinct());
        var root = OtlpPayload.Root(spans);
        Assert.Equal("config-changed", root.Name);
        Assert.Equal("test/0", root.StringAttribute("juju.unit"));
        Assert.Equal("test", root.StringAttribute("juju.application"));
        Assert.Equal("m", root.StringAttribute("juju.model"));
        Assert.Equal("config-changed", root.StringAttribute("juju.event"));
        Assert.Equal("3.6.4", root.StringAttribute("juju.version"));
        Assert.Equal("test", root.StringAttribute("charm.name"));
        Assert.Equal("0", (string?)root.Attribute("process.exit_code")?["intValue"]);
        var emit = Assert.Single(OtlpPayload.Children(spans, root), s => s.Name == "emit config-changed");
        var observer = Assert.Single(OtlpPayload.Children(spans, emit));
        Assert.Equal("TracedCharm/OnConfigChanged", observer.Name);
        Assert.Equal(
            ["config-get", "relation-set", "action-set", "secret-set", "status-set"],
            OtlpPayload.Children(spans, observer).Select(s => s.Name).Where(n => n != "is-leader"));
    }

    [Fact]
    public void Hook_tool_spans_carry_the_tool_flags_and_keys_but_never_a_value()
    {
        using var fixture = new TracingFixture();
        fixture.SaveDestination(new Uri("http://tempo:4318"));

        fixture.Dispatch("config-changed");

        var payload = Assert.Single(fixture.Exporter.Payloads);
        var text = Encoding.UTF8.GetString(payload);
        Assert.DoesNotContain(Secrets.Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secrets.ActionResult, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secrets.SecretContent, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secrets.ConfigValue, text, StringComparison.Ordinal);
        var spans = OtlpPayload.SingleDispatch(payload);
        string? Args(string tool) => Assert.Single(spans, s => s.Name == tool).StringAttribute("juju.hook_tool.args");
        Assert.Equal("-r _ --app --file -", Args("relation-set"));
        Assert.Equal("token=_", Args("action-set"));
        Assert.Equal("_ key=_", Args("secret-set"));
        Assert.Equal("_ -- _", Args("status-set"));
        Assert.Equal("relation-set", Assert.Single(spans, s => s.Name == "relation-set").StringAttribute("juju.hook_tool"));
    }

    [Fact]
    public void A_failing_handler_marks_its_observer_and_the_dispatch_failed_with_the_exception()
    {
        using var fixture = new TracingFixture();
        fixture.SaveDestination(new Uri("http://tempo:4318"));

        Assert.Equal(1, fixture.Dispatch("update-status"));

        var spans = OtlpPayload.SingleDispatch(Assert.Single(fixture.Exporter.Payloads));
        var observer = Assert.Single(spans, s => s.Name.StartsWith("TracedCharm/", StringComparison.Ordinal));
        Assert.Equal(2, (int)observer.Json["status"]!["code"]!);
        Assert.Contains("update-status failed on purpose", (string)observer.Json["status"]!["message"]!, StringComparison.Ordinal);
        var exception = Assert.Single(observer.Json["events"]!.AsArray())!;
        Assert.Equal("exception", (string?)exception["name"]);
        Assert.Contains(exception["attributes"]!.AsArray(), a => (string?)a!["key"] == "exception.type");
        var root = OtlpPayload.Root(spans);
        Assert.Equal(2, (int)root.Json["status"]!["code"]!);
        Assert.Equal("1", (string?)root.Attribute("process.exit_code")?["intValue"]);
    }

    [Fact]
    public void A_destination_saved_by_a_handler_is_a_private_file_that_traces_the_next_dispatches()
    {
        using var fixture = new TracingFixture();
        fixture.Target.Url = new Uri("http://tempo.cos.svc:4318");

        Assert.Equal(0, fixture.Dispatch("start"));

        Assert.Contains("\"url\":\"http://tempo.cos.svc:4318/\"", File.ReadAllText(fixture.DestinationPath), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fixture.DestinationPath));
        }

        // The dispatch that saved it was not traced (it began without a destination); the next one is.
        Assert.Empty(fixture.Exporter.Payloads);
        fixture.Dispatch("config-changed");
        Assert.Equal("config-changed", OtlpPayload.Root(OtlpPayload.SingleDispatch(Assert.Single(fixture.Exporter.Payloads))).Name);
    }

    [Fact]
    public void Clearing_the_destination_removes_its_file_and_the_buffer_and_stops_export()
    {
        using var fixture = new TracingFixture();
        fixture.SaveDestination(new Uri("http://tempo:4318"));
        fixture.Exporter.Failure = "refused";
        fixture.Dispatch("config-changed");
        Assert.True(File.Exists(fixture.BufferPath));

        Assert.Equal(0, fixture.Dispatch("stop"));

        Assert.False(File.Exists(fixture.DestinationPath));
        Assert.False(File.Exists(fixture.BufferPath));
        Assert.Single(fixture.Exporter.Payloads);
    }

    [Fact]
    public void An_unreachable_collector_leaves_the_spans_buffered_and_the_hook_succeeds()
    {
        using var fixture = new TracingFixture(OtlpHttpExporter.Instance);
        fixture.SaveDestination(new Uri($"http://127.0.0.1:{ClosedPort()}"));

        Assert.Equal(0, fixture.Dispatch("config-changed"));
        Assert.Equal(0, fixture.Dispatch("config-changed"));

        Assert.Equal(2, File.ReadAllLines(fixture.BufferPath).Length);
        Assert.True(File.Exists(Path.Combine(fixture.Directory, ExportPause.FileName)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fixture.BufferPath));
        }
    }

    [Fact]
    public void After_a_failed_export_dispatches_only_buffer_until_the_pause_ends()
    {
        using var fixture = new TracingFixture(limits: TracingLimits.Default with { RetryPause = TimeSpan.FromHours(1) });
        fixture.SaveDestination(new Uri("http://tempo:4318"));
        fixture.Exporter.Failure = "refused";

        fixture.Dispatch("config-changed");
        fixture.Dispatch("config-changed");

        Assert.Single(fixture.Exporter.Payloads);
        Assert.Equal(2, File.ReadAllLines(fixture.BufferPath).Length);
    }

    [Fact]
    public void The_buffer_keeps_only_the_newest_dispatches_within_its_bound()
    {
        var exporter = new RecordingExporter { Failure = "refused" };
        using var fixture = new TracingFixture(exporter, TracingLimits.Default with { MaxBufferedDispatches = 3, RetryPause = TimeSpan.Zero });
        fixture.SaveDestination(new Uri("http://tempo:4318"));

        foreach (var hook in new[] { "install", "leader-elected", "config-changed", "upgrade-charm", "leader-settings-changed" })
        {
            Assert.Equal(0, fixture.Dispatch(hook));
        }

        var buffered = File.ReadAllLines(fixture.BufferPath)
            .Select(line => OtlpPayload.Root(OtlpPayload.SingleDispatch(Encoding.UTF8.GetBytes("{\"resourceSpans\":[" + line + "]}"))).Name);
        Assert.Equal(["config-changed", "upgrade-charm", "leader-settings-changed"], buffered);
    }

    [Fact]
    public void A_buffer_over_its_byte_bound_drops_the_oldest_lines_but_keeps_the_newest()
    {
        var lines = new List<string> { new('a', 100), new('b', 100), new('c', 100), new('d', 400) };

        var dropped = SpanBuffer.Trim(lines, TracingLimits.Default with { MaxBufferBytes = 250 });

        Assert.Equal(3, dropped);
        Assert.Equal([new string('d', 400)], lines);
    }

    [Fact]
    public async Task A_reachable_collector_receives_the_buffered_dispatches_as_otlp_json_and_the_buffer_empties()
    {
        await using var collector = await HttpFake.StartAsync(TestContext.Current.CancellationToken);
        collector.Answer("POST", "/v1/traces", HttpFakeResponse.Empty(200));
        using var fixture = new TracingFixture(OtlpHttpExporter.Instance);
        fixture.SaveDestination(new Uri($"http://127.0.0.1:{ClosedPort()}"));
        fixture.Dispatch("install");
        fixture.SaveDestination(collector.BaseUrl);

        Assert.Equal(0, fixture.Dispatch("config-changed"));

        var request = Assert.Single(collector.Requests);
        Assert.Equal("/v1/traces", request.Path);
        Assert.Equal("application/json", request.Header("Content-Type"));
        var dispatches = OtlpPayload.ResourceSpans(Encoding.UTF8.GetBytes(request.Body));
        Assert.Equal(["install", "config-changed"], dispatches.Select(d => OtlpPayload.Root(OtlpPayload.Spans(d)).Name));
        var resource = dispatches[1]["resource"]!["attributes"]!.AsArray();
        Assert.Contains(resource, a => (string?)a!["key"] == "service.name" && (string?)a["value"]!["stringValue"] == "test");
        Assert.False(File.Exists(fixture.BufferPath));
        Assert.False(File.Exists(Path.Combine(fixture.Directory, ExportPause.FileName)));
    }

    /// <summary>A loopback port nothing listens on (connections are refused).</summary>
    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [Theory]
    [InlineData(new[] { "--format=json", "-r", "db:3", "--app" }, "--format=_ -r _ --app")]
    [InlineData(new[] { "--log-level", "DEBUG", "--", "a log line" }, "--log-level _ -- _")]
    [InlineData(new[] { "password=hunter2", "key#file=/tmp/x" }, "password=_ key=_")]
    [InlineData(new[] { "secret:abc", "--label", "db-password" }, "_ --label _")]
    [InlineData(new[] { "--", "-looks-like-a-flag" }, "-- _")]
    public void Hook_tool_arguments_keep_flags_and_keys_only(string[] args, string expected) =>
        Assert.Equal(expected, HookToolArguments.Redact(args));
}
