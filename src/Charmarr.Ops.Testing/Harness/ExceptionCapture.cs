using Microsoft.Extensions.Logging;

namespace Charmarr.Ops.Testing;

/// <summary>
/// A logger provider the test runner registers beside the production <c>juju-log</c> one: it keeps the exception objects
/// the dispatcher logs when a handler throws, so a failed hook can be reported with the charm's own exception.
/// </summary>
internal sealed class ExceptionCapture : ILoggerProvider
{
    private readonly List<Exception> captured = [];
    private readonly Lock gate = new();

    /// <summary>The exceptions logged at error level or above since <see cref="Clear"/>, oldest first.</summary>
    public IReadOnlyList<Exception> Exceptions
    {
        get
        {
            lock (gate)
            {
                return [.. captured];
            }
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            captured.Clear();
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(ExceptionCapture owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null && IsEnabled(logLevel))
            {
                lock (owner.gate)
                {
                    owner.captured.Add(exception);
                }
            }
        }
    }
}
