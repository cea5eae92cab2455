namespace Charmarr.Ops.Pebble;

/// <summary>Changes: list, get, wait, abort.</summary>
public sealed partial class PebbleClient
{
    /// <inheritdoc />
    public Task<IReadOnlyList<PebbleChange>> GetChangesAsync(ChangeSelect select = ChangeSelect.InProgress, string? service = null, CancellationToken cancellationToken = default)
    {
        var selectText = select switch
        {
            ChangeSelect.InProgress => "in-progress",
            ChangeSelect.Ready => "ready",
            ChangeSelect.All => "all",
            _ => throw new ArgumentOutOfRangeException(nameof(select), select, "unknown change selection"),
        };
        var target = new PebbleQuery("/v1/changes").Add("select", selectText).Add("for", service);
        return CallAsync(
            new PebbleCall("pebble changes", HttpMethod.Get, target.ToString()),
            e => (IReadOnlyList<PebbleChange>)PebbleJsonReader.Items(e.Result).Select(PebbleJsonReader.Change).ToList(),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<PebbleChange> GetChangeAsync(string changeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(changeId);
        return CallAsync(
            new PebbleCall($"pebble tasks {changeId}", HttpMethod.Get, $"/v1/changes/{Uri.EscapeDataString(changeId)}"),
            e => PebbleJsonReader.Change(e.RequiredResult),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<PebbleChange> WaitChangeAsync(string changeId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(changeId);
        return WaitForChangeAsync($"pebble wait {changeId}", changeId, timeout ?? DefaultChangeTimeout, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PebbleChange> AbortChangeAsync(string changeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(changeId);
        var body = new OpsJson().BeginObject().Key("action").String("abort").EndObject();
        return CallAsync(
            new PebbleCall($"pebble abort {changeId}", HttpMethod.Post, $"/v1/changes/{Uri.EscapeDataString(changeId)}") { Body = body },
            e => PebbleJsonReader.Change(e.RequiredResult),
            cancellationToken);
    }
}
