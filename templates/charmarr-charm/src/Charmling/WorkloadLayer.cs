using Charmarr.Ops.Pebble;

namespace Charmling;

/// <summary>The Pebble layer that runs the workload; Pebble replans only when it changes.</summary>
/// <param name="documentRoot">The directory in the workload container that the HTTP server serves.</param>
internal sealed class WorkloadLayer(string documentRoot)
{
    public const string ServiceName = "workload";

    public PebbleLayer Build(long port) => new()
    {
        Summary = "charmling",
        Services = new Dictionary<string, PebbleService>(StringComparer.Ordinal)
        {
            [ServiceName] = new()
            {
                Override = PebbleOverride.Replace,
                Summary = "HTTP server",
                Command = $"httpd -f -v -p {port} -h {documentRoot}",
                Startup = ServiceStartup.Enabled,
            },
        },
    };
}
