using System.Globalization;
using Charmarr.Interfaces.MediaStorage;
using Charmarr.Ops.Events;
using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;
using Charmarr.PlexK8s.Storage;
using Charmarr.PlexK8s.Workload;
using Microsoft.Extensions.Logging;

namespace Charmarr.PlexK8s.Claim;

/// <summary>
/// The claim-server action: exchange the claim token with plex.tv, write the resulting PlexOnlineToken into
/// Preferences.xml, restart Plex and wait until it reports itself claimed. The claim token lives only in this
/// dispatch's memory: it is never logged, stored, put in the plan or returned.
/// </summary>
internal sealed class ClaimServerAction
{
    private readonly CharmModel model;
    private readonly MediaStorageRequirer mediaStorage;
    private readonly PlexTvClient plexTv;
    private readonly PlexServerClient plexServer;
    private readonly PlexOptions options;
    private readonly ILogger logger;

    /// <summary>Creates the action for one dispatch.</summary>
    /// <param name="model">The Juju model.</param>
    /// <param name="mediaStorage">Where PUID/PGID come from.</param>
    /// <param name="plexTv">plex.tv.</param>
    /// <param name="plexServer">The Plex server.</param>
    /// <param name="options">The timings.</param>
    /// <param name="logger">The charm's logger.</param>
    public ClaimServerAction(CharmModel model, MediaStorageRequirer mediaStorage, PlexTvClient plexTv, PlexServerClient plexServer, PlexOptions options, ILogger logger)
    {
        this.model = model;
        this.mediaStorage = mediaStorage;
        this.plexTv = plexTv;
        this.plexServer = plexServer;
        this.options = options;
        this.logger = logger;
    }

    /// <summary>Runs the action: results on success, a failure saying what to do otherwise.</summary>
    /// <param name="action">The action event.</param>
    /// <param name="parameters">Its parameters.</param>
    /// <returns>Whether the server was claimed.</returns>
    public async Task<bool> RunAsync(ActionEvent action, ClaimServerParams parameters)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(parameters);
        try
        {
            var machineIdentifier = await ClaimAsync(parameters);
            action.SetResults(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["claimed"] = "true",
                ["machine-identifier"] = machineIdentifier,
            });
            return true;
        }
        catch (ClaimException e)
        {
            logger.LogWarning("claim-server failed: {Reason}", e.Message);
            action.Fail(e.Message);
            return false;
        }
    }

    private async Task<string> ClaimAsync(ClaimServerParams parameters)
    {
        if (!ClaimToken.IsValid(parameters.Token))
        {
            throw new ClaimException(ClaimToken.InvalidMessage);
        }

        var plex = await ReachablePlexAsync();
        var owner = PlexOwner();
        var preferences = await InitialisedPreferencesAsync(plex);
        var machineIdentifier = preferences.MachineIdentifier
            ?? throw new ClaimException("Plex has not finished initialising (Preferences.xml has no ProcessedMachineIdentifier yet). Wait a minute and run the action again with a new token.");
        if (!MachineIdentifier.IsValid(machineIdentifier))
        {
            throw new ClaimException(MachineIdentifier.InvalidMessage);
        }

        if (preferences.IsClaimed && !parameters.Force)
        {
            throw new ClaimException("This Plex server is already claimed. To claim it to another account, run the action again with force=true.");
        }

        logger.LogInformation("Exchanging the claim token with plex.tv for server {MachineIdentifier}", machineIdentifier);
        var onlineToken = await plexTv.ExchangeAsync(parameters.Token.Trim(), machineIdentifier);
        preferences.SetOnlineToken(onlineToken);
        await PebbleStepAsync(
            () => PreferencesFile.WriteAsync(plex, preferences, owner),
            "Could not write Plex's Preferences.xml: {0}. Run the action again with a new token once the unit is active.");
        logger.LogInformation("Plex's token is in Preferences.xml; restarting Plex");
        await PebbleStepAsync(
            () => plex.RestartAsync(PlexWorkload.ServiceName),
            "Plex's token is in Preferences.xml but Plex could not be restarted: {0}. Restart it (juju ssh --container plex <unit> pebble restart plex).");
        if (!await plexServer.WaitUntilClaimedAsync())
        {
            throw new ClaimException(string.Create(
                CultureInfo.InvariantCulture,
                $"Plex was given its token and restarted, but did not report itself claimed within {options.ClaimWait.TotalSeconds:0.#} s. Check Plex's logs (juju ssh --container plex <unit> pebble logs plex) and its web UI."));
        }

        logger.LogInformation("Plex server {MachineIdentifier} is claimed", machineIdentifier);
        return machineIdentifier;
    }

    private async Task<Container> ReachablePlexAsync()
    {
        if (!model.Unit.IsLeader)
        {
            throw new ClaimException($"Only the leader runs Plex; run the action on the leader unit (juju run {model.App.Name}/leader claim-server token=...).");
        }

        var plex = model.Unit.GetContainer(PlexWorkload.ContainerName);
        return await plex.CanConnectAsync()
            ? plex
            : throw new ClaimException("Cannot connect to the plex container's Pebble. Wait until the unit is active and run the action again.");
    }

    private FileOwner PlexOwner()
    {
        // The same owner the reconciler would run Plex as: never a PUID it rejects.
        var read = mediaStorage.ReadProvider();
        var problem = read.IsInvalid ? read.Problem : read.Data is { } data ? MediaStorageCheck.Problem(data) : null;
        if (problem is not null)
        {
            throw new ClaimException($"Plex is not running: the media-storage data is not usable ({problem}). Fix the storage charm's config, then run the action again with a new token.");
        }

        return read.Data is { } storage
            ? new FileOwner(storage.Puid, storage.Pgid)
            : throw new ClaimException("Plex is not running yet: it needs the media-storage relation (juju integrate <app> charmarr-storage).");
    }

    private static async Task<PlexPreferences> InitialisedPreferencesAsync(Container plex)
    {
        try
        {
            return await PreferencesFile.ReadAsync(plex)
                ?? throw new ClaimException("Plex has not initialised yet (no Preferences.xml). Wait until the unit is active and run the action again with a new token.");
        }
        catch (PreferencesFormatException e)
        {
            throw new ClaimException(e.Message);
        }
        catch (PebbleException e)
        {
            throw new ClaimException($"Could not read Plex's Preferences.xml: {e.Message}");
        }
    }

    private static async Task PebbleStepAsync(Func<Task> run, string failure)
    {
        try
        {
            await run();
        }
        catch (PebbleException e)
        {
            throw new ClaimException(string.Format(CultureInfo.InvariantCulture, failure, e.Message));
        }
    }
}
