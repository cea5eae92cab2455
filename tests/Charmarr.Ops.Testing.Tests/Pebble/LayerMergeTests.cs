using Charmarr.Ops.Testing.Pebble;

namespace Charmarr.Ops.Testing.Tests.Pebble;

public sealed class LayerMergeTests
{
    private const string Base = """
        services:
          web:
            override: replace
            command: /bin/web
            after: [db]
            environment: {A: "1", B: "2"}
            user-id: 1000
          db:
            override: replace
            command: /bin/db
        """;

    [Fact]
    public void Merge_appends_lists_merges_environment_and_keeps_unset_fields()
    {
        var pebble = new PebbleSimulator();
        pebble.AddLayer("base", Base);
        pebble.AddLayer("top", """
            services:
              web:
                override: merge
                after: [db, cache]
                environment: {B: "3", C: "4"}
                user-id: 0
              cache:
                override: replace
                command: /bin/cache
            """);

        Assert.Equal("""
            services:
                cache:
                    override: replace
                    command: /bin/cache
                db:
                    override: replace
                    command: /bin/db
                web:
                    override: replace
                    command: /bin/web
                    after:
                        - db
                        - db
                        - cache
                    environment:
                        A: "1"
                        B: "3"
                        C: "4"
                    user-id: 0

            """, pebble.PlanYaml);
    }

    [Fact]
    public void Replace_drops_everything_the_lower_layer_said()
    {
        var pebble = new PebbleSimulator();
        pebble.AddLayer("base", Base);
        pebble.AddLayer("top", """
            services:
              web: {override: replace, command: /bin/other}
            """);

        Assert.Contains("    web:\n        override: replace\n        command: /bin/other\n", pebble.PlanYaml, StringComparison.Ordinal);
        Assert.DoesNotContain("environment", pebble.PlanYaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Combine_replaces_the_layer_in_place_and_layers_above_still_win()
    {
        var pebble = new PebbleSimulator();
        pebble.AddLayer("base", """
            services:
              web: {override: replace, command: /bin/web, summary: first}
            """);
        pebble.AddLayer("top", """
            services:
              web: {override: merge, summary: from-top}
            """);

        pebble.AddLayer("base", """
            services:
              web: {override: merge, command: /bin/web2, summary: combined}
            """, combine: true);

        Assert.Equal(["base", "top"], pebble.LayerLabels);
        Assert.Contains("summary: from-top", pebble.PlanYaml, StringComparison.Ordinal);
        Assert.Contains("command: /bin/web2", pebble.PlanYaml, StringComparison.Ordinal);
        Assert.Contains("override: replace", pebble.PlanYaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_an_existing_label_without_combine_is_refused()
    {
        var pebble = new PebbleSimulator();
        pebble.AddLayer("base", Base);

        var error = Assert.Throws<SimulatedPebbleException>(() => pebble.AddLayer("base", Base));

        Assert.Equal((400, "layer \"base\" already exists"), (error.StatusCode, error.Message));
    }

    [Theory]
    [InlineData(17_500)]
    [InlineData(65)]
    public void A_deeply_nested_layer_is_refused_instead_of_overflowing_the_stack(int depth)
    {
        var pebble = new PebbleSimulator();
        var yaml = "summary: " + string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth) + "\n";

        var error = Assert.Throws<SimulatedPebbleException>(() => pebble.AddLayer("l", yaml));

        Assert.Contains("nested deeper than 64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_as_a_key_is_refused_as_an_unmarshal_error()
    {
        var pebble = new PebbleSimulator();

        var error = Assert.Throws<SimulatedPebbleException>(() => pebble.AddLayer("l", "? {a: 1}\n: x\n"));

        Assert.Contains("a mapping key must be a string", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("services:\n  s: {command: x}\n", "layer \"l\" must define \"override\" for service \"s\"")]
    [InlineData("services:\n  s: {override: bogus, command: x}\n", "layer \"l\" has invalid \"override\" value for service \"s\"")]
    [InlineData("checks:\n  c: {http: {url: \"http://x/\"}}\n", "layer \"l\" must define \"override\" for check \"c\"")]
    [InlineData("services:\n  s: {override: replace}\n", "plan must define \"command\" for service \"s\"")]
    [InlineData("checks:\n  c: {override: replace}\n", "plan must specify one of \"http\", \"tcp\", or \"exec\" for check \"c\"")]
    [InlineData("checks:\n  c: {override: replace, http: {}}\n", "plan must set \"url\" for http check \"c\"")]
    [InlineData("log-targets:\n  t: {override: replace, type: loki}\n", "plan must define \"location\" for log target \"t\"")]
    [InlineData("services:\n  a: {override: replace, command: a, after: [b]}\n  b: {override: replace, command: b, after: [a]}\n",
        "services in before/after loop: a, b")]
    [InlineData("services:\n  s:\n    override: replace\n    command: x\n    foo: 1\n",
        "cannot parse layer YAML: cannot parse layer \"l\" section \"services\": yaml: unmarshal errors:\n  line 4: field foo not found in type plan.Service")] // numbered within the section, as Pebble v1.32.1 does
    [InlineData("bogus: {}\n", "cannot parse layer YAML: cannot parse layer \"l\": unknown section \"bogus\"")]
    [InlineData("services:\n  s: {override: replace, command: x, kill-delay: 10}\n",
        "cannot parse layer YAML: cannot parse layer \"l\" section \"services\": invalid duration \"10\"")]
    [InlineData("services:\n  s: {override: replace, command: x, on-success: explode}\n",
        "cannot parse layer YAML: plan service \"s\" on-success action \"explode\" invalid")]
    [InlineData("services:\n  s: {override: replace, command: x, backoff-factor: 0.5}\n",
        "cannot parse layer YAML: plan service \"s\" backoff-factor must be 1.0 or greater, not 0.5")]
    [InlineData("services:\n  pebble: {override: replace, command: x}\n", "cannot parse layer YAML: cannot use reserved service name \"pebble\"")]
    [InlineData("services:\n  -x: {override: replace, command: x}\n",
        "cannot parse layer YAML: cannot use service name \"-x\": starting with \"-\" not allowed")]
    [InlineData("services:\n  s: {override: replace, command: \"x 'unterminated\"}\n",
        "cannot parse layer YAML: plan service \"s\" command invalid: cannot parse service \"s\" command: EOF found when expecting closing quote")]
    [InlineData("checks:\n  c: {override: replace, level: deep, http: {url: \"http://x/\"}}\n",
        "cannot parse layer YAML: plan check \"c\" level must be \"alive\" or \"ready\"")]
    [InlineData("checks:\n  c: {override: replace, period: 0s, http: {url: \"http://x/\"}}\n",
        "cannot parse layer YAML: plan check \"c\" period must not be zero")]
    [InlineData("log-targets:\n  t: {override: replace, type: kafka, location: x}\n",
        "cannot parse layer YAML: log target \"t\" has unsupported type \"kafka\", must be \"loki\", \"opentelemetry\" or \"syslog\"")]
    public void Invalid_layers_are_rejected_with_pebbles_message_and_the_plan_is_unchanged(string yaml, string message)
    {
        var pebble = new PebbleSimulator();
        pebble.AddLayer("base", Base);
        var before = pebble.PlanYaml;

        var error = Assert.Throws<SimulatedPebbleException>(() => pebble.AddLayer("l", yaml));

        Assert.Equal((400, message), (error.StatusCode, error.Message));
        Assert.Equal(before, pebble.PlanYaml);
        Assert.Equal(["base"], pebble.LayerLabels);
    }

    [Fact]
    public void Reserved_label_prefix_is_refused()
    {
        var error = Assert.Throws<SimulatedPebbleException>(() => new PebbleSimulator().AddLayer("pebble-x", Base));

        Assert.Equal("cannot parse layer YAML: cannot use reserved label prefix \"pebble-\"", error.Message);
    }

    [Fact]
    public void Sub_directory_layer_appended_at_the_end_needs_no_inner_flag()
    {
        var pebble = new PebbleSimulator();
        pebble.AddLayer("dir/one", Base);
        pebble.AddLayer("dir/two", "summary: two\n");

        Assert.Equal(["dir/one", "dir/two"], pebble.LayerLabels);
    }

    [Fact]
    public void Sub_directory_layer_that_must_be_inserted_needs_inner()
    {
        var pebble = new PebbleSimulator();
        pebble.AddLayer("dir/one", Base);
        pebble.AddLayer("after-dir", "summary: after\n");

        var refused = Assert.Throws<SimulatedPebbleException>(() => pebble.AddLayer("dir/two", "summary: two\n"));
        var plainDir = Assert.Throws<SimulatedPebbleException>(() => pebble.AddLayer("dir", "summary: dir\n"));
        pebble.AddLayer("dir/two", "summary: two\n", inner: true);

        Assert.Equal((500, "cannot insert sub-directory layer without 'inner' attribute set"), (refused.StatusCode, refused.Message));
        Assert.Equal(500, plainDir.StatusCode);
        Assert.Equal(["dir/one", "dir/two", "after-dir"], pebble.LayerLabels);
    }

    [Fact]
    public void Durations_are_reprinted_the_go_way()
    {
        var pebble = new PebbleSimulator();
        pebble.AddLayer("l", """
            services:
              s: {override: replace, command: x, backoff-delay: 500ms, backoff-limit: 90s, kill-delay: 1h, backoff-factor: 1.5}
            """);

        Assert.Contains("backoff-delay: 500ms\n        backoff-factor: 1.5\n        backoff-limit: 1m30s\n        kill-delay: 1h0m0s\n",
            pebble.PlanYaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Strings_that_would_read_back_as_other_types_are_double_quoted()
    {
        var pebble = new PebbleSimulator();
        pebble.AddLayer("l", """
            services:
              s:
                override: replace
                command: x
                environment: {PORT: "8080", FLAG: "yes", EMPTY: "", TEXT: hello world, COLON: "a: b"}
            """);

        Assert.Contains(
            "            COLON: 'a: b'\n            EMPTY: \"\"\n            FLAG: \"yes\"\n            PORT: \"8080\"\n            TEXT: hello world\n",
            pebble.PlanYaml, StringComparison.Ordinal);
    }
}
