using Charmarr.Ops.Integration.Tests.Support;
using Charmarr.Ops.Integration.Xunit;

namespace Charmarr.Ops.Integration.Tests.Xunit;

/// <summary>The model fixture: temporary, kept or reused models, debug-logs of failed tests, and the skip without juju.</summary>
public sealed class JujuModelFixtureTests : IDisposable
{
    private static readonly string[] Destroy = ["destroy-model", "@any", "--no-prompt", "--destroy-storage", "--force", "--timeout", "600s"];
    private readonly string logs = Path.Combine(Path.GetTempPath(), $"juju-logs-{Guid.NewGuid():N}");

    private JujuModelFixture Fixture(FakeJuju juju, JujuTestSettings? settings = null) => new(
        (settings ?? new JujuTestSettings()) with { BinaryPath = juju.BinaryPath, LogDirectory = logs },
        new JujuClientOptions { Environment = juju.Environment, TemporaryDirectory = juju.TemporaryDirectory });

    [Theory]
    [MemberData(nameof(Golden.Versions), MemberType = typeof(Golden))]
    public async Task A_temporary_model_is_added_for_the_class_and_destroyed_with_its_storage_after_it(string jujuVersion)
    {
        using var juju = new FakeJuju();
        juju.ExpectVersion(jujuVersion).Expect(["add-model", "--no-switch", "@any"]).Expect(Destroy);
        var fixture = Fixture(juju);

        await fixture.InitializeAsync();
        var model = fixture.ModelName;
        await fixture.DisposeAsync();

        Assert.Matches("^charmarr-it-[0-9a-f]{6}$", model);
        Assert.Equal([$"add-model --no-switch {model}", $"destroy-model {model} --no-prompt --destroy-storage --force --timeout 600s"], juju.Calls.Skip(1));
        Assert.Equal(jujuVersion == "4.0", fixture.Version!.IsJuju4OrLater);
        juju.AssertAllCalled();
    }

    [Fact]
    public async Task Keep_models_leaves_the_temporary_model_in_place()
    {
        using var juju = new FakeJuju();
        juju.ExpectVersion("3.6").Expect(["add-model", "--no-switch", "@any"]);
        var fixture = Fixture(juju, JujuTestSettings.FromEnvironment(name => name == JujuTestSettings.KeepModelsVariable ? "1" : null));

        await fixture.InitializeAsync();
        await fixture.DisposeAsync();

        juju.AssertAllCalled(); // no destroy-model: the stand-in would have refused it
    }

    [Fact]
    public async Task A_reused_model_is_neither_added_nor_destroyed()
    {
        using var juju = new FakeJuju();
        juju.ExpectVersion("4.0").Expect(["status", "--model", "existing", "--format", "json"], Golden.Read("4.0", "status-active.json"));
        var fixture = Fixture(juju, new JujuTestSettings { Model = "existing" });

        await fixture.InitializeAsync();
        await fixture.Juju.GetStatusAsync(TestContext.Current.CancellationToken);
        await fixture.DisposeAsync();

        Assert.Equal("existing", fixture.ModelName);
        juju.AssertAllCalled();
    }

    [Fact]
    public async Task A_failed_test_gets_the_models_debug_log_saved_under_its_name_and_a_passed_one_nothing()
    {
        using var juju = new FakeJuju();
        juju.ExpectVersion("3.6").Expect(["add-model", "--no-switch", "@any"])
            .Expect(["debug-log", "--model", "@any", "--no-tail", "--replay"], "unit-plex-0: 09:14:55 ERROR juju.worker.uniter hook failed\n");
        var fixture = Fixture(juju, new JujuTestSettings { KeepModels = true });
        await fixture.InitializeAsync();

        var passed = await fixture.AfterTestAsync("PlexTests.Scale_to_two", failed: false);
        var failed = await fixture.AfterTestAsync("PlexTests.Claim(token: \"x\")", failed: true);

        Assert.Null(passed);
        Assert.Equal(Path.Combine(logs, fixture.ModelName!, "PlexTests.Claim_token___x__.log"), failed);
        Assert.Equal("unit-plex-0: 09:14:55 ERROR juju.worker.uniter hook failed\n", File.ReadAllText(failed!));
        Assert.Equal(1, fixture.FailedTests);
        juju.AssertAllCalled();
    }

    [Fact]
    public async Task Without_juju_the_fixture_starts_and_each_test_that_asks_for_juju_is_skipped_with_the_reason()
    {
        var empty = Directory.CreateDirectory(Path.Combine(logs, "empty-path")).FullName;
        var fixture = new JujuModelFixture(new JujuTestSettings { SearchPath = empty, LogDirectory = logs });

        await fixture.InitializeAsync();
        Exception? skip = null;
        try
        {
            _ = fixture.Juju;
        }
        catch (Exception e) // Record.Exception lets xunit's skip through, which would skip this test itself
        {
            skip = e;
        }

        await fixture.DisposeAsync();

        Assert.StartsWith("No juju on PATH", fixture.SkipReason, StringComparison.Ordinal);
        Assert.NotNull(skip);
        Assert.Contains(fixture.SkipReason!, skip.Message, StringComparison.Ordinal);
        Assert.Contains("$XunitDynamicSkip$", skip.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_juju_is_required_its_absence_fails_instead_of_skipping()
    {
        var empty = Directory.CreateDirectory(Path.Combine(logs, "empty-path")).FullName;
        var fixture = new JujuModelFixture(new JujuTestSettings { SearchPath = empty, Required = true, LogDirectory = logs });

        var e = await Assert.ThrowsAsync<InvalidOperationException>(async () => await fixture.InitializeAsync());

        Assert.Contains("CHARMARR_JUJU_REQUIRED is set", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_come_from_the_environment_variables()
    {
        var environment = new Dictionary<string, string>
        {
            [JujuTestSettings.BinaryVariable] = "/snap/bin/juju",
            [JujuTestSettings.ModelVariable] = " media ",
            [JujuTestSettings.KeepModelsVariable] = "true",
            [JujuTestSettings.RequiredVariable] = "0",
            [JujuTestSettings.ControllerVariable] = "ci",
            [JujuTestSettings.LogDirectoryVariable] = "/tmp/juju-logs",
        };

        var settings = JujuTestSettings.FromEnvironment(name => environment.GetValueOrDefault(name));

        Assert.Equal(new JujuTestSettings
        {
            BinaryPath = "/snap/bin/juju",
            Model = "media",
            KeepModels = true,
            Required = false,
            Controller = "ci",
            LogDirectory = "/tmp/juju-logs",
        }, settings);
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "juju-debug-logs"), JujuTestSettings.FromEnvironment(_ => null).LogDirectory);
    }

    public void Dispose()
    {
        if (Directory.Exists(logs))
        {
            Directory.Delete(logs, recursive: true);
        }
    }
}
