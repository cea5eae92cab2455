using System.Text;
using Charmarr.Ops.Backend;
using Microsoft.Extensions.Logging;

namespace Charmarr.Ops.Logging;

/// <summary>
/// Sends <see cref="ILogger"/> output to the unit's log in the controller through <c>juju-log</c>, so
/// <c>juju debug-log</c> shows it. Logging never throws: if <c>juju-log</c> fails, the line goes to standard error
/// instead. Under <c>juju debug-hooks</c> (<c>JUJU_DEBUG</c>) lines are also written to standard error.
/// </summary>
public sealed class JujuLoggerProvider : ILoggerProvider
{
    private readonly IJujuBackend backend;
    private readonly LogLevel minimum;
    private readonly bool echoToStderr;

    [ThreadStatic]
    private static bool writing;

    /// <summary>Creates the provider.</summary>
    /// <param name="backend">How to reach Juju.</param>
    /// <param name="minimum">The lowest level sent; lower ones are dropped before any process is started.</param>
    /// <param name="echoToStderr">Also write every line to standard error.</param>
    public JujuLoggerProvider(IJujuBackend backend, LogLevel minimum = LogLevel.Debug, bool echoToStderr = false)
    {
        ArgumentNullException.ThrowIfNull(backend);
        this.backend = backend;
        this.minimum = minimum;
        this.echoToStderr = echoToStderr;
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new JujuLogger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    /// <summary>The <c>juju-log</c> level for a .NET log level.</summary>
    /// <param name="level">The .NET level.</param>
    /// <returns>The Juju level.</returns>
    public static JujuLogLevel ToJujuLevel(LogLevel level) => level switch
    {
        LogLevel.Trace => JujuLogLevel.Trace,
        LogLevel.Debug => JujuLogLevel.Debug,
        LogLevel.Information => JujuLogLevel.Info,
        LogLevel.Warning => JujuLogLevel.Warning,
        LogLevel.Error => JujuLogLevel.Error,
        _ => JujuLogLevel.Critical,
    };

    private void Write(LogLevel level, string message)
    {
        // A failing juju-log must not recurse into logging about itself.
        if (writing)
        {
            return;
        }

        writing = true;
        try
        {
            if (echoToStderr)
            {
                Console.Error.WriteLine($"{level}: {message}");
            }

            backend.Log(ToJujuLevel(level), message);
        }
#pragma warning disable CA1031 // Logging is documented never to throw; the failure is reported on stderr instead.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine($"juju-log failed ({e.Message}); the line was: {level}: {message}");
        }
        finally
        {
            writing = false;
        }
    }

    private sealed class JujuLogger(JujuLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= provider.minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var text = new StringBuilder(formatter(state, exception));
            if (exception is not null)
            {
                text.Append('\n').Append(exception);
            }

            // The category is the emitting object's path; the framework's own lines need no prefix.
            var line = category == "Charmarr.Ops" ? text.ToString() : $"{category}: {text}";
            provider.Write(logLevel, line);
        }
    }
}
