using Charmarr.Ops.Backend;
using Charmarr.Ops.Logging;
using Charmarr.Ops.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace Charmarr.Ops.Tests.Logging;

public sealed class JujuLoggerProviderTests
{
    private readonly FakeJujuBackend backend = new();

    [Theory]
    [InlineData(LogLevel.Trace, JujuLogLevel.Trace)]
    [InlineData(LogLevel.Debug, JujuLogLevel.Debug)]
    [InlineData(LogLevel.Information, JujuLogLevel.Info)]
    [InlineData(LogLevel.Warning, JujuLogLevel.Warning)]
    [InlineData(LogLevel.Error, JujuLogLevel.Error)]
    [InlineData(LogLevel.Critical, JujuLogLevel.Critical)]
    public void Each_level_maps_to_the_juju_log_level(LogLevel level, JujuLogLevel expected)
    {
        using var provider = new JujuLoggerProvider(backend, LogLevel.Trace);

        provider.CreateLogger("MyCharm").Log(level, "hello");

        Assert.Equal((expected, "MyCharm: hello"), Assert.Single(backend.LogLines));
    }

    [Fact]
    public void Lines_below_the_minimum_level_start_no_hook_tool()
    {
        using var provider = new JujuLoggerProvider(backend, LogLevel.Information);

        provider.CreateLogger("MyCharm").LogDebug("noise");

        Assert.Empty(backend.Calls);
    }

    [Fact]
    public void An_exception_is_written_with_its_stack_trace()
    {
        using var provider = new JujuLoggerProvider(backend);
        var exception = CaptureThrown();

        provider.CreateLogger("Charmarr.Ops").LogError(exception, "it broke");

        var (level, message) = Assert.Single(backend.LogLines);
        Assert.Equal(JujuLogLevel.Error, level);
        Assert.StartsWith("it broke\nSystem.InvalidOperationException: boom", message, StringComparison.Ordinal);
        Assert.Contains(nameof(CaptureThrown), message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_juju_log_never_throws_into_the_charm()
    {
        backend.LogFailure = new JujuModelException("juju-log failed (exit 1): connection refused");
        using var provider = new JujuLoggerProvider(backend);

        var logged = Record.Exception(() => provider.CreateLogger("MyCharm").LogWarning("still fine"));

        Assert.Null(logged);
        Assert.Equal(["juju-log"], backend.Calls);
    }

    private static InvalidOperationException CaptureThrown()
    {
        try
        {
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }
}
