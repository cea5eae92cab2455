using Charmarr.Ops.Pebble;

namespace Charmling;

/// <summary>The Pebble layer that runs the workload; Pebble replans only when it changes.</summary>
internal sealed class WorkloadLayer
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
                Command = $"httpd -f -v -p {port} -h /www",
                Startup = ServiceStartup.Enabled,
            },
        },
    };
}
