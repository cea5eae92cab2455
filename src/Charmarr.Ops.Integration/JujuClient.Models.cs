using System.Globalization;

namespace Charmarr.Ops.Integration;

public sealed partial class JujuClient
{
    /// <summary>Adds a model without switching to it (<c>juju add-model --no-switch</c>) and returns a client for it.</summary>
    /// <param name="model">The model's name.</param>
    /// <param name="controller">The controller; <see langword="null"/> for the current one.</param>
    /// <param name="config">Model config (<c>--config key=value</c>).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>A client acting on the new model.</returns>
    public async Task<JujuClient> AddModelAsync(
        string model, string? controller = null, IReadOnlyDictionary<string, string>? config = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        List<string> args = ["add-model", "--no-switch", model];
        if (controller is not null)
        {
            args.AddRange(["--controller", controller]);
        }

        foreach (var (key, value) in config ?? new Dictionary<string, string>())
        {
            args.AddRange(["--config", $"{key}={value}"]);
        }

        await CliAsync(args, modelScoped: false, cancellationToken);
        return WithModel(controller is null ? model : $"{controller}:{model}");
    }

    /// <summary>Destroys a model without a prompt (<c>juju destroy-model --no-prompt</c>).</summary>
    /// <param name="model">The model.</param>
    /// <param name="destroyStorage">Destroy its storage too (<c>--destroy-storage</c>); otherwise it is released.</param>
    /// <param name="force">Force through errors (<c>--force</c>).</param>
    /// <param name="timeout">Juju's own time limit for a forced destroy (<c>--timeout</c>).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>When Juju has destroyed it.</returns>
    public async Task DestroyModelAsync(
        string model, bool destroyStorage = true, bool force = false, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        List<string> args = ["destroy-model", model, "--no-prompt", destroyStorage ? "--destroy-storage" : "--release-storage"];
        if (force)
        {
            args.Add("--force");
        }

        if (timeout is { } t)
        {
            args.AddRange(["--timeout", string.Create(CultureInfo.InvariantCulture, $"{(long)t.TotalSeconds}s")]);
        }

        await CliAsync(args, modelScoped: false, cancellationToken);
    }
}
