using Charmarr.Ops.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Charmarr.Ops.SampleCharm;

/// <summary>The sample charm's program configuration, shared by Program.cs and the tests (Harness, Context).</summary>
internal static class SampleApp
{
    public static CharmAppBuilder Configure(CharmAppBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<IGreeter, Greeter>());
}
