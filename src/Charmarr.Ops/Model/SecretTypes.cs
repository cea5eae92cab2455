namespace Charmarr.Ops.Model;

/// <summary>Who owns a secret the charm creates.</summary>
public enum SecretOwner
{
    /// <summary>The application (created by the leader, shared by every unit).</summary>
    Application,

    /// <summary>This unit only.</summary>
    Unit,
}

/// <summary>How often Juju asks the owner to rotate a secret.</summary>
public enum SecretRotatePolicy
{
    /// <summary>Never.</summary>
    Never,

    /// <summary>Every hour.</summary>
    Hourly,

    /// <summary>Every day.</summary>
    Daily,

    /// <summary>Every week.</summary>
    Weekly,

    /// <summary>Every month.</summary>
    Monthly,

    /// <summary>Every quarter.</summary>
    Quarterly,

    /// <summary>Every year.</summary>
    Yearly,
}

/// <summary>Metadata of a secret that a charm sets on creation or update; <see langword="null"/> leaves a field as it is.</summary>
/// <param name="Label">The label the owner knows the secret by.</param>
/// <param name="Description">A description shown to operators.</param>
/// <param name="Expire">When the current revision expires.</param>
/// <param name="Rotate">The rotation policy.</param>
public sealed record SecretOptions(
    string? Label = null,
    string? Description = null,
    DateTimeOffset? Expire = null,
    SecretRotatePolicy? Rotate = null);

/// <summary>What <c>secret-info-get</c> tells a secret's owner.</summary>
/// <param name="Id">The bare secret id (no <c>secret:</c> prefix).</param>
/// <param name="Label">The owner's label; empty when none.</param>
/// <param name="Revision">The latest revision.</param>
/// <param name="Owner">Who owns it.</param>
/// <param name="Description">The description, if any.</param>
/// <param name="Rotation">The rotation policy, if any.</param>
/// <param name="Expiry">When the latest revision expires, if it does.</param>
/// <param name="Rotates">When the next rotation is due, if one is.</param>
public sealed record SecretInfo(
    string Id,
    string Label,
    int Revision,
    SecretOwner Owner,
    string? Description = null,
    SecretRotatePolicy? Rotation = null,
    DateTimeOffset? Expiry = null,
    DateTimeOffset? Rotates = null);
