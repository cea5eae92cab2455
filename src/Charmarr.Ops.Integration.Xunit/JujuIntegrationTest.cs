using Xunit;
namespace Charmarr.Ops.Integration.Xunit;

/// <summary>
/// Base class of an integration test class: gives the fixture's <see cref="Juju"/> (which skips the test where no
/// <c>juju</c> is installed) and, after each failed test, has the fixture save the model's debug-log.
/// </summary>
/// <typeparam name="TFixture">The class fixture.</typeparam>
/// <param name="fixture">The fixture xunit passes to the test class.</param>
public abstract class JujuIntegrationTest<TFixture>(TFixture fixture) : IAsyncDisposable
    where TFixture : JujuModelFixture
{
    /// <summary>The class fixture.</summary>
    protected TFixture Fixture { get; } = fixture ?? throw new ArgumentNullException(nameof(fixture));

    /// <summary>The model's client; skips the test when no <c>juju</c> is installed.</summary>
    protected JujuClient Juju => Fixture.Juju;

    /// <summary>Runs after the test: saves the debug-log when it failed.</summary>
    /// <returns>When done.</returns>
    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        var context = TestContext.Current;
        var failed = context.TestState?.Result == TestResult.Failed;
        var path = await Fixture.AfterTestAsync(context.Test?.TestDisplayName ?? GetType().Name, failed);
        if (path is not null)
        {
            context.SendDiagnosticMessage($"juju debug-log of the failed test saved to {path}");
        }
    }
}
