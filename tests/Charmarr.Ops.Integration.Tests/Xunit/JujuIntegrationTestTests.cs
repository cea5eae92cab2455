using Charmarr.Ops.Integration.Xunit;

namespace Charmarr.Ops.Integration.Tests.Xunit;

/// <summary>
/// <see cref="JujuIntegrationTest{TFixture}"/> reports each test's outcome to its fixture when xunit disposes the test
/// class. The fixture here throws if xunit has not yet published the test's result at that point (which would fail
/// this test), so the check that decides "save the debug-log" is known to see real results.
/// </summary>
public sealed class JujuIntegrationTestTests(JujuIntegrationTestTests.RecordingFixture fixture)
    : JujuIntegrationTest<JujuIntegrationTestTests.RecordingFixture>(fixture), IClassFixture<JujuIntegrationTestTests.RecordingFixture>
{
    [Fact]
    public void A_passing_test_is_reported_to_the_fixture_as_not_failed_under_its_display_name() =>
        Assert.StartsWith("No juju on PATH", Fixture.SkipReason, StringComparison.Ordinal);

    /// <summary>A fixture without juju (an empty PATH) that checks what the base class reports.</summary>
    public sealed class RecordingFixture() : JujuModelFixture(new JujuTestSettings { SearchPath = "" })
    {
        public override Task<string?> AfterTestAsync(string testName, bool failed)
        {
            var state = TestContext.Current.TestState
                ?? throw new InvalidOperationException("xunit has not published the test's result when the test class is disposed");
            if (failed || state.Result != TestResult.Passed
                || !testName.Contains(nameof(A_passing_test_is_reported_to_the_fixture_as_not_failed_under_its_display_name), StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"reported {testName} failed={failed}, xunit says {state.Result}");
            }

            return Task.FromResult<string?>(null);
        }
    }
}
