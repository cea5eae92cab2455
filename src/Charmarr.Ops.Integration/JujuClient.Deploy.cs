using System.Globalization;
using Charmarr.Ops.Integration.Deploy;

namespace Charmarr.Ops.Integration;

public sealed partial class JujuClient
{
    /// <summary>Deploys a charm: a packed <c>.charm</c> file or a Charmhub name (<c>juju deploy</c>).</summary>
    /// <param name="charm">A <c>.charm</c> path or a Charmhub charm name. A relative path gets <c>./</c> so Juju does
    /// not look it up on Charmhub. A charm directory is refused on Juju 4.x, which cannot deploy one.</param>
    /// <param name="deploy">Application name, resources, storage, config, units, trust.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>When Juju has accepted the deployment (not when it is up: see <see cref="WaitAsync"/>).</returns>
    /// <exception cref="ArgumentException">A charm directory on Juju 4.x.</exception>
    public async Task DeployAsync(string charm, DeployOptions? deploy = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(charm);
        deploy ??= new DeployOptions();
        if (Directory.Exists(charm) && (await GetVersionAsync(cancellationToken)).IsJuju4OrLater)
        {
            throw new ArgumentException(
                $"Juju {version!.Version} cannot deploy a charm directory ({charm}); pack it into a .charm first (charmarr pack {charm}) and deploy that file",
                nameof(charm));
        }

        var local = File.Exists(charm) || Directory.Exists(charm);
        List<string> args = ["deploy", local && !Path.IsPathRooted(charm) && !charm.StartsWith('.') ? "./" + charm : charm];
        if (deploy.Application is not null)
        {
            args.Add(deploy.Application);
        }

        AddOption(args, "--channel", deploy.Channel);
        AddOption(args, "--revision", deploy.Revision?.ToString(CultureInfo.InvariantCulture));
        AddOption(args, "--base", deploy.Base);
        AddPairs(args, "--config", deploy.Config);
        if (deploy.NumUnits != 1)
        {
            args.AddRange(["--num-units", deploy.NumUnits.ToString(CultureInfo.InvariantCulture)]);
        }

        AddPairs(args, "--resource", deploy.Resources);
        AddPairs(args, "--storage", deploy.Storage);
        if (deploy.Trust)
        {
            args.Add("--trust");
        }

        await RunModelCheckedAsync(args, cancellationToken);
    }

    /// <summary>Relates two endpoints (<c>juju integrate</c>): <c>app</c> or <c>app:endpoint</c> each.</summary>
    /// <param name="first">One side.</param>
    /// <param name="second">The other side.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>When Juju has accepted it.</returns>
    public Task IntegrateAsync(string first, string second, CancellationToken cancellationToken = default) =>
        RunModelCheckedAsync(["integrate", first, second], cancellationToken);

    /// <summary>Removes a relation (<c>juju remove-relation</c>).</summary>
    /// <param name="first">One side.</param>
    /// <param name="second">The other side.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>When Juju has accepted it.</returns>
    public Task RemoveRelationAsync(string first, string second, CancellationToken cancellationToken = default) =>
        RunModelCheckedAsync(["remove-relation", first, second], cancellationToken);

    /// <summary>Removes an application without a prompt (<c>juju remove-application --no-prompt</c>).</summary>
    /// <param name="app">The application.</param>
    /// <param name="destroyStorage">Destroy its storage too.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>When Juju has accepted it.</returns>
    public Task RemoveApplicationAsync(string app, bool destroyStorage = true, CancellationToken cancellationToken = default) =>
        RunModelCheckedAsync(destroyStorage ? ["remove-application", "--no-prompt", app, "--destroy-storage"] : ["remove-application", "--no-prompt", app], cancellationToken);

    /// <summary>Sets a Kubernetes application's number of units (<c>juju scale-application</c>).</summary>
    /// <param name="app">The application.</param>
    /// <param name="units">The number of units.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>When Juju has accepted it.</returns>
    public Task ScaleAsync(string app, int units, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        return RunModelCheckedAsync(["scale-application", app, units.ToString(CultureInfo.InvariantCulture)], cancellationToken);
    }

    /// <summary>Removes units of a Kubernetes application without a prompt (<c>juju remove-unit --no-prompt app --num-units n</c>).</summary>
    /// <param name="app">The application.</param>
    /// <param name="count">How many units to remove.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>When Juju has accepted it.</returns>
    public Task RemoveUnitsAsync(string app, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return RunModelCheckedAsync(["remove-unit", "--no-prompt", app, "--num-units", count.ToString(CultureInfo.InvariantCulture)], cancellationToken);
    }

    /// <summary>Grants or removes trust (<c>juju trust</c>).</summary>
    /// <param name="app">The application.</param>
    /// <param name="clusterScope">Trust over the whole cluster (<c>--scope=cluster</c>) rather than the model's namespace.</param>
    /// <param name="remove">Remove trust instead (<c>--remove</c>).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>When Juju has accepted it.</returns>
    public Task TrustAsync(string app, bool clusterScope = false, bool remove = false, CancellationToken cancellationToken = default)
    {
        List<string> args = ["trust", app];
        if (clusterScope)
        {
            args.Add("--scope=cluster");
        }

        if (remove)
        {
            args.Add("--remove");
        }

        return RunModelCheckedAsync(args, cancellationToken);
    }

    private static void AddOption(List<string> args, string flag, string? value)
    {
        if (value is not null)
        {
            args.AddRange([flag, value]);
        }
    }

    private static void AddPairs(List<string> args, string flag, IReadOnlyDictionary<string, string> pairs)
    {
        foreach (var (key, value) in pairs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            args.AddRange([flag, $"{key}={value}"]);
        }
    }
}
