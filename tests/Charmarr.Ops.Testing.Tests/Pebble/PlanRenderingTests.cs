using Charmarr.Ops.Testing.Pebble.Layers;

namespace Charmarr.Ops.Testing.Tests.Pebble;

public sealed class PlanRenderingTests
{
    private static string Render(params (string Label, string Yaml)[] layers)
    {
        var stack = new LayerStack();
        foreach (var (label, yaml) in layers)
        {
            stack.Add(label, yaml, combine: false, inner: false);
        }

        return PlanYamlWriter.Render(stack.Plan);
    }

    [Fact]
    public void Empty_plan_is_an_empty_flow_mapping()
    {
        Assert.Equal("{}\n", PlanYamlWriter.Render(new LayerStack().Plan));
    }

    [Fact]
    public void Service_fields_come_in_struct_order_with_four_space_indent_and_go_durations()
    {
        var yaml = Render(("base", """
            services:
              web:
                kill-delay: 60s
                backoff-delay: 1.5s
                environment: {B: "2", A: x}
                requires: [db]
                command: /bin/web --port 80
                override: replace
                startup: enabled
                summary: The web
                user-id: 0
              db:
                override: replace
                command: db
            """));

        Assert.Equal("""
            services:
                db:
                    override: replace
                    command: db
                web:
                    summary: The web
                    startup: enabled
                    override: replace
                    command: /bin/web --port 80
                    requires:
                        - db
                    environment:
                        A: x
                        B: "2"
                    user-id: 0
                    backoff-delay: 1.5s
                    kill-delay: 1m0s

            """.Replace("\r", "", StringComparison.Ordinal), yaml);
    }

    [Fact]
    public void Check_threshold_default_is_rendered_and_log_targets_always_show_services()
    {
        var yaml = Render(("base", """
            services:
              svc: {override: replace, command: run}
            checks:
              up:
                override: replace
                period: 30s
                http: {url: "http://localhost:8080/"}
            log-targets:
              loki:
                override: merge
                type: loki
                location: http://loki:3100
            """));

        Assert.Equal("""
            services:
                svc:
                    override: replace
                    command: run
            checks:
                up:
                    override: replace
                    period: 30s
                    threshold: 3
                    http:
                        url: http://localhost:8080/
            log-targets:
                loki:
                    type: loki
                    location: http://loki:3100
                    services: []
                    override: merge

            """, yaml);
    }

    [Fact]
    public void Unicode_stays_raw_and_multi_line_text_is_a_literal_block()
    {
        var yaml = Render(("base", "services:\n  s:\n    override: replace\n    command: x\n    summary: café ☕\n    description: \"line one\\nline two\"\n"));

        Assert.Contains("        summary: café ☕\n        description: |-\n            line one\n            line two\n", yaml, StringComparison.Ordinal);
    }
}
