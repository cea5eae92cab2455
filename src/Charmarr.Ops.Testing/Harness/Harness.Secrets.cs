using Charmarr.Ops.Testing.Juju;

namespace Charmarr.Ops.Testing;

public sealed partial class Harness<TCharm>
{
    /// <summary>The id of the secret this unit or application owns under <paramref name="label"/>, or a consumed secret the charm labelled so.</summary>
    /// <param name="label">The label the charm gave it.</param>
    /// <returns>The secret URI, <c>secret:&lt;id&gt;</c>.</returns>
    /// <exception cref="KeyNotFoundException">No secret has that label.</exception>
    public string GetSecretIdByLabel(string label)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        var secret = Backend.AllSecrets.FirstOrDefault(s => (s.IsOwned ? s.OwnerLabel : s.ConsumerLabel) == label)
            ?? throw new KeyNotFoundException($"no secret is labelled \"{label}\" (labels: {string.Join(", ", Backend.AllSecrets.Select(s => s.OwnerLabel ?? s.ConsumerLabel).OfType<string>())})");
        return "secret:" + secret.Id;
    }

    /// <summary>The content of a secret's revision (the latest by default), without access checks.</summary>
    /// <param name="secretId">The secret URI or id.</param>
    /// <param name="revision">The revision, or <see langword="null"/> for the latest.</param>
    /// <returns>The content.</returns>
    public IReadOnlyDictionary<string, string> GetSecretContent(string secretId, int? revision = null) => Backend.GetSecretContent(secretId, revision);

    /// <summary>Owner side: Juju asks the owner to rotate the secret (secret-rotate).</summary>
    /// <param name="secretId">The secret URI or id.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    public Task TriggerSecretRotationAsync(string secretId, CancellationToken cancellationToken = default) =>
        EmitAsync(SecretRequest("secret-rotate", OwnedSecret(secretId), null), cancellationToken);

    /// <inheritdoc cref="TriggerSecretRotationAsync"/>
    public void TriggerSecretRotation(string secretId) => Sync(() => TriggerSecretRotationAsync(secretId));

    /// <summary>Owner side: a revision of the secret expired (secret-expired).</summary>
    /// <param name="secretId">The secret URI or id.</param>
    /// <param name="revision">The expired revision.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    public Task TriggerSecretExpirationAsync(string secretId, int revision, CancellationToken cancellationToken = default) =>
        EmitAsync(SecretRequest("secret-expired", OwnedSecret(secretId), revision), cancellationToken);

    /// <inheritdoc cref="TriggerSecretExpirationAsync"/>
    public void TriggerSecretExpiration(string secretId, int revision) => Sync(() => TriggerSecretExpirationAsync(secretId, revision));

    /// <summary>Owner side: no consumer tracks a revision any more, so the owner may remove it (secret-remove).</summary>
    /// <param name="secretId">The secret URI or id.</param>
    /// <param name="revision">The revision nobody tracks.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    public Task TriggerSecretRemovalAsync(string secretId, int revision, CancellationToken cancellationToken = default) =>
        EmitAsync(SecretRequest("secret-remove", OwnedSecret(secretId), revision), cancellationToken);

    /// <inheritdoc cref="TriggerSecretRemovalAsync"/>
    public void TriggerSecretRemoval(string secretId, int revision) => Sync(() => TriggerSecretRemovalAsync(secretId, revision));

    /// <summary>Observer side: another application owns a secret and has granted this application access (no event, as in Juju).</summary>
    /// <param name="content">The content of revision 1.</param>
    /// <returns>The secret URI.</returns>
    public string AddRemoteSecret(IReadOnlyDictionary<string, string> content) => Backend.AddRemoteSecret(content);

    /// <summary>Observer side: the owner grants this application access again.</summary>
    /// <param name="secretId">The secret URI or id.</param>
    public void GrantRemoteSecret(string secretId) => Backend.GrantRemoteSecret(secretId);

    /// <summary>Observer side: the owner revokes this application's access; reading it then fails as in Juju.</summary>
    /// <param name="secretId">The secret URI or id.</param>
    public void RevokeRemoteSecret(string secretId) => Backend.RevokeRemoteSecret(secretId);

    /// <summary>
    /// Observer side: the owner publishes a new revision. Juju tells only consumers that track the secret (have read it),
    /// so secret-changed is emitted when the charm has read it before; the charm sees the new content with a refresh.
    /// </summary>
    /// <param name="secretId">The secret URI or id.</param>
    /// <param name="content">The new content.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>Whether secret-changed was emitted.</returns>
    public async Task<bool> SetRemoteSecretContentAsync(string secretId, IReadOnlyDictionary<string, string> content, CancellationToken cancellationToken = default)
    {
        Backend.SetRemoteSecretContent(secretId, content);
        var secret = Backend.FindSecret(secretId)!;
        if (secret.TrackedRevision is null || !secret.Granted)
        {
            return false;
        }

        await EmitAsync(SecretRequest("secret-changed", secret, null), cancellationToken).ConfigureAwait(false);
        return IsBegun;
    }

    /// <inheritdoc cref="SetRemoteSecretContentAsync"/>
    public bool SetRemoteSecretContent(string secretId, IReadOnlyDictionary<string, string> content) =>
        Sync(() => SetRemoteSecretContentAsync(secretId, content));

    private MemorySecret OwnedSecret(string secretId)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretId);
        var secret = Backend.FindSecret(secretId) ?? throw new ArgumentException($"secret {secretId} does not exist", nameof(secretId));
        return secret.IsOwned
            ? secret
            : throw new ArgumentException($"secret {secretId} is owned by another application; only its owner gets rotate, expired and remove events", nameof(secretId));
    }

    private static EventRequest SecretRequest(string hook, MemorySecret secret, int? revision) => EventRequest.Hook(hook) with
    {
        SecretId = "secret:" + secret.Id,
        SecretLabel = secret.IsOwned ? secret.OwnerLabel : secret.ConsumerLabel,
        SecretRevision = revision,
    };
}
