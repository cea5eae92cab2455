using System.Text.Json.Nodes;
using Charmarr.Ops.Integration.Cli;
using Charmarr.Ops.Integration.Json;
using Charmarr.Ops.Integration.Secrets;

namespace Charmarr.Ops.Integration;

public sealed partial class JujuClient
{
    /// <summary>Adds a user secret (<c>juju add-secret &lt;name&gt; --file</c>). The content goes through a file
    /// readable only by this user and deleted at once, never argv.</summary>
    /// <param name="name">The secret's name.</param>
    /// <param name="content">Its keys and values.</param>
    /// <param name="info">A description.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The secret's URI (<c>secret:…</c>: an xid on Juju 3.6, an opaque id on 4.x).</returns>
    public async Task<string> AddSecretAsync(string name, IReadOnlyDictionary<string, string> content, string? info = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        List<string> args = ["add-secret", name];
        if (info is not null)
        {
            args.AddRange(["--info", info]);
        }

        var output = await WithTemporaryFileAsync(ContentJson(content), path => RunModelCheckedAsync([.. args, "--file", path], cancellationToken));
        var uri = output.Trim();
        return uri.StartsWith("secret:", StringComparison.Ordinal)
            ? uri
            : throw new JujuCliException($"juju add-secret {name}: printed \"{uri}\", not a secret URI");
    }

    /// <summary>Replaces a user secret's content (<c>juju update-secret &lt;secret&gt; --file</c>): a new revision.</summary>
    /// <param name="secret">The secret's URI or name.</param>
    /// <param name="content">Its new keys and values.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>When Juju has stored it.</returns>
    public Task UpdateSecretAsync(string secret, IReadOnlyDictionary<string, string> content, CancellationToken cancellationToken = default) =>
        WithTemporaryFileAsync(ContentJson(content), path => RunModelCheckedAsync(["update-secret", secret, "--file", path], cancellationToken));

    /// <summary>Lets an application read a user secret (<c>juju grant-secret</c>).</summary>
    /// <param name="secret">The secret's URI or name.</param>
    /// <param name="app">The application.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>When Juju has granted it.</returns>
    public Task GrantSecretAsync(string secret, string app, CancellationToken cancellationToken = default) =>
        RunModelCheckedAsync(["grant-secret", secret, app], cancellationToken);

    /// <summary>Removes a user secret (<c>juju remove-secret</c>).</summary>
    /// <param name="secret">The secret's URI or name.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>When Juju has removed it.</returns>
    public Task RemoveSecretAsync(string secret, CancellationToken cancellationToken = default) =>
        RunModelCheckedAsync(["remove-secret", secret], cancellationToken);

    /// <summary>The model's secrets (<c>juju secrets --format json</c>): metadata only.</summary>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The secrets, ordered by id.</returns>
    public async Task<IReadOnlyList<SecretInfo>> ListSecretsAsync(CancellationToken cancellationToken = default)
    {
        var secrets = await ReadJsonAsync(["secrets", "--format", "json"], IntegrationJsonContext.Default.DictionaryStringSecretInfo, cancellationToken);
        return secrets.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value with { Id = s.Key }).ToList();
    }

    private static string ContentJson(IReadOnlyDictionary<string, string> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Count == 0)
        {
            throw new ArgumentException("a secret needs at least one key", nameof(content));
        }

        var json = new JsonObject();
        foreach (var (key, value) in content.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            json[key] = value;
        }

        return json.ToJsonString();
    }
}
