using Microsoft.Extensions.Logging;

namespace Charmarr.Ops.Logging;

/// <summary>
/// The charm process's <see cref="ILoggerFactory"/>: every registered <see cref="ILoggerProvider"/> receives the lines at
/// or above the minimum level that the charm's filter lets through. Unlike <c>AddLogging</c>'s factory it needs no
/// options system and no generic types built at run time, so a Native AOT dispatch does not pay for them before its event
/// (measured in bench/README.md, "Where a hook's time goes").
/// </summary>
/// <param name="providers">The providers (the container's <see cref="ILoggerProvider"/> registrations).</param>
/// <param name="minimum">The lowest level passed on.</param>
/// <param name="filter">Consulted last, only for a line that passed every other check (it may be costly: plex-k8s reads its
/// log-level config there); <see langword="null"/> lets everything through.</param>
internal sealed class CharmLoggerFactory(IEnumerable<ILoggerProvider> providers, LogLevel minimum, Func<LogLevel, bool>? filter) : ILoggerFactory
{
    private readonly List<ILoggerProvider> providers = [.. providers];
    private readonly List<ILoggerProvider> added = [];
    private readonly Lock gate = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName)
    {
        lock (gate)
        {
            return new CharmLogger(this, [.. providers.Select(p => p.CreateLogger(categoryName))]);
        }
    }

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        lock (gate)
        {
            providers.Add(provider);
            added.Add(provider);
        }
    }

    /// <summary>Disposes the providers added through <see cref="AddProvider"/>; the container disposes its own.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            foreach (var provider in added)
            {
                provider.Dispose();
            }

            added.Clear();
        }
    }

    private bool Passes(LogLevel level) => level != LogLevel.None && level >= minimum && (filter is null || filter(level));

    private sealed class CharmLogger(CharmLoggerFactory factory, ILogger[] loggers) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => loggers.Any(l => l.IsEnabled(logLevel)) && factory.Passes(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            foreach (var logger in loggers)
            {
                logger.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
