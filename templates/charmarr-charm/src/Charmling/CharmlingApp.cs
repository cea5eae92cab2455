using Charmarr.Ops.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Charmling;

/// <summary>The charm's services, in one place so that Program.cs and the tests build the charm the same way.</summary>
internal static class CharmlingApp
{
    /// <summary>Registers what <see cref="CharmlingCharm"/>'s constructor asks for.</summary>
    public static CharmAppBuilder Configure(CharmAppBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton(new WorkloadLayer(documentRoot: "/www")));
}
