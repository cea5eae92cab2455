namespace Charmarr.Ops.Model;

/// <summary>Where a storage instance is attached (<c>storage-get</c>).</summary>
/// <param name="Kind">The kind: <c>filesystem</c> or <c>block</c>.</param>
/// <param name="Location">The mount point or device path.</param>
public sealed record StorageDetails(string Kind, string Location);
