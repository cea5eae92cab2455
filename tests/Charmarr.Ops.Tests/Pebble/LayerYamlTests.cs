using Charmarr.Ops.Pebble;

namespace Charmarr.Ops.Tests.Pebble;

/// <summary>Layers in and out of YAML: every field of reference §3.2–3.4 with its kebab-case key.</summary>
public sealed class LayerYamlTests
{
    private const string FullLayer = """
        summary: Plex layer
        description: Runs Plex.
        services:
          plex:
            override: replace
            summary: Plex Media Server
            description: The server.
            startup: enabled
            command: /usr/lib/plexmediaserver/Plex\ Media\ Server --flag [ --default 1 ]
            after: [setup]
            before: [cleanup]
            requires: [setup]
            environment:
              PLEX_MEDIA_SERVER_HOME: /usr/lib/plexmediaserver
              TZ: UTC
            user: plex
            user-id: 0
            group: plex
            group-id: 0
            working-dir: /config
            workload: media
            on-success: ignore
            on-failure: restart
            on-check-failure:
              up: restart
              ready: success-shutdown
            backoff-delay: 500ms
            backoff-factor: 1.5
            backoff-limit: 1m30s
            kill-delay: 10s
        checks:
          up:
            override: merge
            level: alive
            startup: disabled
            period: 30s
            timeout: 2s
            threshold: 5
            http:
              url: http://localhost:32400/identity
              headers:
                X-Plex: "1"
          port:
            override: replace
            level: ready
            tcp:
              port: 32400
              host: 127.0.0.1
          script:
            override: replace
            exec:
              command: /bin/check --quick
              service-context: plex
              environment:
                A: b
              user: plex
              user-id: 1000
              group: plex
              group-id: 1000
              working-dir: /tmp
        log-targets:
          loki:
            override: merge
            type: loki
            location: http://loki:3100/loki/api/v1/push
            services: [plex, -setup]
            labels:
              app: plex
        """;

    [Fact]
    public void Every_service_field_is_read_with_its_key()
    {
        var service = PebbleLayer.Parse(FullLayer).Services["plex"];

        Assert.Equal(PebbleOverride.Replace, service.Override);
        Assert.Equal("Plex Media Server", service.Summary);
        Assert.Equal("The server.", service.Description);
        Assert.Equal(ServiceStartup.Enabled, service.Startup);
        Assert.Equal(@"/usr/lib/plexmediaserver/Plex\ Media\ Server --flag [ --default 1 ]", service.Command);
        Assert.Equal(["setup"], service.After!);
        Assert.Equal(["cleanup"], service.Before!);
        Assert.Equal(["setup"], service.Requires!);
        Assert.Equal("/usr/lib/plexmediaserver", service.Environment!["PLEX_MEDIA_SERVER_HOME"]);
        Assert.Equal("UTC", service.Environment["TZ"]);
        Assert.Equal("plex", service.User);
        Assert.Equal(0, service.UserId);
        Assert.Equal("plex", service.Group);
        Assert.Equal(0, service.GroupId);
        Assert.Equal("/config", service.WorkingDir);
        Assert.Equal("media", service.Workload);
        Assert.Equal(PebbleServiceAction.Ignore, service.OnSuccess);
        Assert.Equal(PebbleServiceAction.Restart, service.OnFailure);
        Assert.Equal(PebbleServiceAction.Restart, service.OnCheckFailure!["up"]);
        Assert.Equal(PebbleServiceAction.SuccessShutdown, service.OnCheckFailure["ready"]);
        Assert.Equal(TimeSpan.FromMilliseconds(500), service.BackoffDelay);
        Assert.Equal(1.5, service.BackoffFactor);
        Assert.Equal(TimeSpan.FromSeconds(90), service.BackoffLimit);
        Assert.Equal(TimeSpan.FromSeconds(10), service.KillDelay);
    }

    [Fact]
    public void Every_check_field_is_read_with_its_key()
    {
        var checks = PebbleLayer.Parse(FullLayer).Checks;

        var up = checks["up"];
        Assert.Equal(PebbleOverride.Merge, up.Override);
        Assert.Equal(CheckLevel.Alive, up.Level);
        Assert.Equal(CheckStartup.Disabled, up.Startup);
        Assert.Equal(TimeSpan.FromSeconds(30), up.Period);
        Assert.Equal(TimeSpan.FromSeconds(2), up.Timeout);
        Assert.Equal(5, up.Threshold);
        Assert.Equal("http://localhost:32400/identity", up.Http!.Url);
        Assert.Equal("1", up.Http.Headers!["X-Plex"]);

        var port = checks["port"];
        Assert.Equal(CheckLevel.Ready, port.Level);
        Assert.Equal(32400, port.Tcp!.Port);
        Assert.Equal("127.0.0.1", port.Tcp.Host);

        var exec = checks["script"].Exec!;
        Assert.Equal("/bin/check --quick", exec.Command);
        Assert.Equal("plex", exec.ServiceContext);
        Assert.Equal("b", exec.Environment!["A"]);
        Assert.Equal("plex", exec.User);
        Assert.Equal(1000, exec.UserId);
        Assert.Equal("plex", exec.Group);
        Assert.Equal(1000, exec.GroupId);
        Assert.Equal("/tmp", exec.WorkingDir);
    }

    [Fact]
    public void Every_log_target_field_is_read_with_its_key()
    {
        var layer = PebbleLayer.Parse(FullLayer);
        var target = layer.LogTargets["loki"];

        Assert.Equal("Plex layer", layer.Summary);
        Assert.Equal("Runs Plex.", layer.Description);
        Assert.Equal(PebbleOverride.Merge, target.Override);
        Assert.Equal("loki", target.Type);
        Assert.Equal("http://loki:3100/loki/api/v1/push", target.Location);
        Assert.Equal(["plex", "-setup"], target.Services!);
        Assert.Equal("plex", target.Labels!["app"]);
    }

    [Fact]
    public void A_layer_survives_writing_and_reading_back()
    {
        var layer = PebbleLayer.Parse(FullLayer);

        var again = PebbleLayer.Parse(layer.ToYaml());

        Assert.Equal(layer, again);
    }

    [Fact]
    public void User_and_group_id_zero_are_written_unlike_ops()
    {
        var layer = new PebbleLayer
        {
            Services = new Dictionary<string, PebbleService>
            {
                ["svc"] = new() { Override = PebbleOverride.Replace, Command = "run", UserId = 0, GroupId = 0 },
            },
        };

        var yaml = layer.ToYaml();

        Assert.Contains("user-id: 0", yaml, StringComparison.Ordinal);
        Assert.Contains("group-id: 0", yaml, StringComparison.Ordinal);
        Assert.Equal(0, PebbleLayer.Parse(yaml).Services["svc"].UserId);
    }

    [Fact]
    public void The_layer_is_written_in_Pebbles_field_order_with_unset_fields_left_out()
    {
        var layer = new PebbleLayer
        {
            Summary = "s",
            Services = new Dictionary<string, PebbleService>
            {
                ["zeta"] = new() { Override = PebbleOverride.Merge, Command = "z" },
                ["alpha"] = new()
                {
                    KillDelay = TimeSpan.FromSeconds(90),
                    Environment = new Dictionary<string, string> { ["B"] = "2", ["A"] = "x y" },
                    Command = "/bin/a --b",
                    Override = PebbleOverride.Replace,
                    Startup = ServiceStartup.Enabled,
                    UserId = 584792,
                    After = ["zeta"],
                    OnCheckFailure = new Dictionary<string, PebbleServiceAction> { ["up"] = PebbleServiceAction.FailureShutdown },
                    BackoffFactor = 2,
                },
            },
            Checks = new Dictionary<string, PebbleCheck>
            {
                ["up"] = new() { Override = PebbleOverride.Replace, Level = CheckLevel.Alive, Period = TimeSpan.FromSeconds(10), Threshold = 3, Tcp = new() { Port = 80 } },
            },
            LogTargets = new Dictionary<string, PebbleLogTarget>
            {
                ["t"] = new() { Override = PebbleOverride.Replace, Type = "syslog", Location = "udp://h:514", Services = [] },
            },
        };

        Assert.Equal(
            """
            summary: s
            services:
              alpha:
                startup: enabled
                override: replace
                command: /bin/a --b
                after:
                - zeta
                environment:
                  A: x y
                  B: "2"
                user-id: 584792
                on-check-failure:
                  up: failure-shutdown
                backoff-factor: 2
                kill-delay: 1m30s
              zeta:
                override: merge
                command: z
            checks:
              up:
                override: replace
                level: alive
                period: 10s
                threshold: 3
                tcp:
                  port: 80
            log-targets:
              t:
                type: syslog
                location: udp://h:514
                services: []
                override: replace

            """.ReplaceLineEndings("\n"),
            layer.ToYaml().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("on")]
    [InlineData("8080")]
    [InlineData("1e3")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("2024-01-02")]
    [InlineData("0x1F")]
    [InlineData("- dash")]
    [InlineData("a: b")]
    [InlineData("#hash")]
    [InlineData("line\nbreak")]
    public void Strings_that_YAML_would_read_as_something_else_stay_strings(string value)
    {
        var layer = new PebbleLayer
        {
            Services = new Dictionary<string, PebbleService>
            {
                ["svc"] = new() { Override = PebbleOverride.Replace, Command = value, Environment = new Dictionary<string, string> { [value] = value } },
            },
        };

        var again = PebbleLayer.Parse(layer.ToYaml()).Services["svc"];

        Assert.Equal(value, again.Command);
        Assert.Equal(value, again.Environment![value]);
    }

    [Fact]
    public void An_empty_layer_is_an_empty_mapping()
    {
        var yaml = new PebbleLayer().ToYaml();

        Assert.Equal(new PebbleLayer(), PebbleLayer.Parse(yaml));
        Assert.Equal(new PebbleLayer(), PebbleLayer.Parse(""));
    }

    [Theory]
    [InlineData("services:\n  svc:\n    override: replace\n    comand: run\n", "layer YAML line 4, column 5: unknown field \"comand\" in service \"svc\"")]
    [InlineData("checks:\n  up:\n    override: replace\n    http:\n      uri: x\n", "layer YAML line 5, column 7: unknown field \"uri\" in check \"up\" http")]
    [InlineData("log-targets:\n  t:\n    kind: loki\n", "layer YAML line 3, column 5: unknown field \"kind\" in log target \"t\"")]
    [InlineData("servces:\n  svc: {}\n", "layer YAML line 1, column 1: unknown section \"servces\" (expected summary, description, services, checks, log-targets)")]
    [InlineData("services:\n  svc:\n    kill-delay: 10\n", "layer YAML line 3, column 17: invalid duration \"10\" (write it like 500ms, 10s or 1m30s)")]
    [InlineData("services:\n  svc:\n    override: update\n", "layer YAML line 3, column 15: invalid override \"update\" (expected merge or replace)")]
    [InlineData("services:\n  svc:\n    on-failure: retry\n", "layer YAML line 3, column 17: invalid action \"retry\" (expected restart, shutdown, failure-shutdown, success-shutdown or ignore)")]
    [InlineData("services:\n  svc:\n    user-id: root\n", "layer YAML line 3, column 14: expected a whole number, got \"root\"")]
    [InlineData("checks:\n  up:\n    level: live\n", "layer YAML line 3, column 12: invalid level \"live\" (expected alive or ready)")]
    [InlineData("services:\n  svc:\n    after: setup\n", "layer YAML line 3, column 12: expected a list of strings")]
    [InlineData("services:\n  svc:\n", "layer YAML line 2, column 3: services \"svc\" cannot be null")]
    [InlineData("- a\n- b\n", "layer YAML line 1, column 1: the top level must be a mapping")]
    [InlineData("services: [\n", "layer YAML line 2, column 1: not valid YAML: ")]
    public void A_layer_Pebble_would_reject_is_a_clear_error_with_its_line(string yaml, string message)
    {
        var error = Assert.Throws<FormatException>(() => PebbleLayer.Parse(yaml));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_as_Pebble_renders_it_is_read_and_keeps_its_text()
    {
        // §3.7: 4-space indent, sorted keys, durations re-printed by Go, a defaulted threshold, an extension section.
        const string yaml = """
            services:
                plex:
                    summary: Plex
                    startup: enabled
                    override: replace
                    command: /plex
                    environment:
                        TZ: UTC
                    user-id: 0
                    backoff-delay: 1m0s
            checks:
                up:
                    override: replace
                    level: alive
                    threshold: 3
                    http:
                        url: http://localhost/
            log-targets:
                t:
                    type: loki
                    location: http://loki/
                    services: []
                    override: merge
            workloads:
                media:
                    user-id: 1000

            """;

        var plan = PebblePlan.Parse(yaml);

        Assert.Equal(yaml, plan.Yaml);
        Assert.Equal("/plex", plan.Services["plex"].Command);
        Assert.Equal(0, plan.Services["plex"].UserId);
        Assert.Equal(TimeSpan.FromMinutes(1), plan.Services["plex"].BackoffDelay);
        Assert.Equal(3, plan.Checks["up"].Threshold);
        Assert.Equal("loki", plan.LogTargets["t"].Type);
    }

    [Fact]
    public void A_plan_ignores_fields_a_newer_Pebble_adds()
    {
        var plan = PebblePlan.Parse("services:\n    svc:\n        override: replace\n        command: run\n        future-field: 1\n");

        Assert.Equal("run", plan.Services["svc"].Command);
    }

    [Fact]
    public void An_empty_plan_has_nothing_in_it()
    {
        var plan = PebblePlan.Parse("{}\n");

        Assert.Empty(plan.Services);
        Assert.Empty(plan.Checks);
        Assert.Empty(plan.LogTargets);
    }
}
