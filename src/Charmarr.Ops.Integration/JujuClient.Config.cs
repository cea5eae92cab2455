using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Charmarr.Ops.Integration.Cli;
using Charmarr.Ops.Integration.Config;
using Charmarr.Ops.Integration.Json;

namespace Charmarr.Ops.Integration;

public sealed partial class JujuClient
{
    /// <summary>An application's charm config (<c>juju config &lt;app&gt; --format json</c>).</summary>
    /// <param name="app">The application.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Every option with its value, default and source.</returns>
    public Task<ApplicationConfig> GetConfigAsync(string app, CancellationToken cancellationToken = default) =>
        ReadJsonAsync(["config", app, "--format", "json"], IntegrationJsonContext.Default.ApplicationConfig, cancellationToken);

    /// <summary>Sets config values (<c>juju config &lt;app&gt; key=value …</c>).</summary>
    /// <param name="app">The application.</param>
    /// <param name="values">Values by option, as Juju reads them (<c>true</c>, <c>80</c>, text).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>When Juju has accepted them (the charm's config-changed runs after).</returns>
    public Task SetConfigAsync(string app, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("no config values to set", nameof(values));
        }

        List<string> args = ["config", app];
        args.AddRange(values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"));
        return RunModelCheckedAsync(args, cancellationToken);
    }

    /// <summary>Resets options to their defaults (<c>juju config &lt;app&gt; --reset a,b</c>).</summary>
    /// <param name="app">The application.</param>
    /// <param name="keys">The options.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>When Juju has accepted it.</returns>
    public Task ResetConfigAsync(string app, IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return RunModelCheckedAsync(["config", app, "--reset", string.Join(',', keys)], cancellationToken);
    }

    private async Task<T> ReadJsonAsync<T>(IReadOnlyList<string> arguments, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var command = new JujuCommand(WithModelArgument(arguments));
        var result = await RunCheckedAsync(command, cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(result.StandardOutput, typeInfo)
                ?? throw new JsonException("the answer is null");
        }
        catch (JsonException e)
        {
            throw new JujuCliException(command, result, $"printed JSON the client cannot read as {typeof(T).Name}: {e.Message}", e);
        }
    }
}
