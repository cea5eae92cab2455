using Charmarr.Ops.Hosting;
using Charmarr.PlexK8s.Claim;
using Charmarr.PlexK8s.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Charmarr.PlexK8s;

/// <summary>The charm's services, registered the same way by Program.cs and by tests.</summary>
internal static class PlexApp
{
    /// <summary>
    /// Registers the charm's services. <see cref="PlexOptions"/> and <see cref="TimeProvider"/> are only added when not
    /// registered yet, so a test may register its own first (or replace them after). Charm tracing is enabled: it costs a
    /// dispatch one file check until the charm-tracing relation names a receiver.
    /// </summary>
    /// <param name="builder">The charm application's builder.</param>
    /// <returns>The builder.</returns>
    public static CharmAppBuilder Configure(CharmAppBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var logLevel = new CharmLogLevel();
        var services = builder.Services;
        services.TryAddSingleton(_ => PlexOptions.FromEnvironment(Environment.GetEnvironmentVariable));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(logLevel);
        services.AddSingleton(sp => new PlexTvClient(sp.GetRequiredService<PlexOptions>()));
        services.AddSingleton(sp => new PlexServerClient(sp.GetRequiredService<PlexOptions>(), sp.GetRequiredService<TimeProvider>()));
        return builder.UseLogFilter(logLevel.Allows).UseCharmTracing();
    }
}
