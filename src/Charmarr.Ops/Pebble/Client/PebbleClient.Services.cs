namespace Charmarr.Ops.Pebble;

/// <summary>Services, signals, layers and the plan.</summary>
public sealed partial class PebbleClient
{
    /// <inheritdoc />
    public Task<IReadOnlyList<PebbleServiceInfo>> GetServicesAsync(IEnumerable<string>? names = null, CancellationToken cancellationToken = default)
    {
        var target = new PebbleQuery("/v1/services").Add("names", names is null ? null : string.Join(',', names));
        return CallAsync(
            new PebbleCall("pebble services", HttpMethod.Get, target.ToString()),
            e => (IReadOnlyList<PebbleServiceInfo>)PebbleJsonReader.Items(e.Result).Select(PebbleJsonReader.ServiceInfo).ToList(),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<string> StartServicesAsync(IEnumerable<string> services, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ServicesActionAsync("start", Names(services), timeout, cancellationToken);

    /// <inheritdoc />
    public Task<string> StopServicesAsync(IEnumerable<string> services, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ServicesActionAsync("stop", Names(services), timeout, cancellationToken);

    /// <inheritdoc />
    public Task<string> RestartServicesAsync(IEnumerable<string> services, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ServicesActionAsync("restart", Names(services), timeout, cancellationToken);

    /// <inheritdoc />
    public Task<string> ReplanServicesAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ServicesActionAsync("replan", [], timeout, cancellationToken);

    /// <inheritdoc />
    public Task<string> AutostartServicesAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ServicesActionAsync("autostart", [], timeout, cancellationToken);

    /// <inheritdoc />
    public Task SendSignalAsync(string signal, IEnumerable<string> services, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(signal);
        var names = Names(services);
        var body = new OpsJson().BeginObject().Key("signal").String(signal).Key("services").Strings(names).EndObject();
        return CallAsync(
            new PebbleCall(Describe($"signal {signal}", names), HttpMethod.Post, "/v1/signals") { Body = body },
            _ => true,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task AddLayerAsync(string label, PebbleLayer layer, bool combine = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        ArgumentNullException.ThrowIfNull(layer);
        var body = new OpsJson().BeginObject()
            .Key("action").String("add")
            .Key("combine").Bool(combine)
            .Key("label").String(label)
            .Key("format").String("yaml")
            .Key("layer").String(layer.ToYaml())
            .EndObject();
        return CallAsync(new PebbleCall($"pebble add {label}", HttpMethod.Post, "/v1/layers") { Body = body }, _ => true, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PebblePlan> GetPlanAsync(CancellationToken cancellationToken = default) =>
        CallAsync(
            new PebbleCall("pebble plan", HttpMethod.Get, new PebbleQuery("/v1/plan").Add("format", "yaml").ToString()),
            e => PebblePlan.Parse(e.RequiredResult.GetString() ?? string.Empty),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PebbleCheckInfo>> GetChecksAsync(CheckLevel? level = null, IEnumerable<string>? names = null, CancellationToken cancellationToken = default)
    {
        var target = new PebbleQuery("/v1/checks").Add("level", LevelText(level)).AddEach("names", names);
        return CallAsync(
            new PebbleCall("pebble checks", HttpMethod.Get, target.ToString()),
            e => (IReadOnlyList<PebbleCheckInfo>)PebbleJsonReader.Items(e.Result).Select(PebbleJsonReader.CheckInfo).ToList(),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> StartChecksAsync(IEnumerable<string> checks, CancellationToken cancellationToken = default) =>
        ChecksActionAsync("start", Names(checks), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> StopChecksAsync(IEnumerable<string> checks, CancellationToken cancellationToken = default) =>
        ChecksActionAsync("stop", Names(checks), cancellationToken);

    /// <inheritdoc />
    public Task<bool> GetHealthAsync(CheckLevel? level = null, IEnumerable<string>? names = null, CancellationToken cancellationToken = default)
    {
        var joined = names?.ToList() is { Count: > 0 } list ? string.Join(',', list) : null;
        var target = new PebbleQuery("/v1/health").Add("level", LevelText(level)).Add("names", joined);
        return CallAsync(
            new PebbleCall("pebble health", HttpMethod.Get, target.ToString()),
            e => e.RequiredResult.GetProperty("healthy").GetBoolean(),
            cancellationToken);
    }

    private async Task<string> ServicesActionAsync(string action, List<string> services, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var operation = Describe(action, services);
        var body = new OpsJson().BeginObject().Key("action").String(action).Key("services").Strings(services).EndObject();
        var changeId = await CallAsync(
            new PebbleCall(operation, HttpMethod.Post, "/v1/services") { Body = body },
            e => e.Change ?? throw new FormatException("the response has no change id"),
            cancellationToken).ConfigureAwait(false);

        var wait = timeout ?? DefaultChangeTimeout;
        if (wait > TimeSpan.Zero)
        {
            var change = await WaitForChangeAsync(operation, changeId, wait, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(change.Err))
            {
                throw new PebbleChangeException(operation, change);
            }
        }

        return changeId;
    }

    private Task<IReadOnlyList<string>> ChecksActionAsync(string action, List<string> checks, CancellationToken cancellationToken)
    {
        var body = new OpsJson().BeginObject().Key("action").String(action).Key("checks").Strings(checks).EndObject();
        return CallAsync(
            new PebbleCall(Describe($"{action}-checks", checks), HttpMethod.Post, "/v1/checks") { Body = body },
            e => (IReadOnlyList<string>)PebbleJsonReader.Items(PebbleJsonReader.Property(e.RequiredResult, "changed"))
                .Select(c => c.GetString() ?? string.Empty)
                .ToList(),
            cancellationToken);
    }

    private static string? LevelText(CheckLevel? level) => level is { Value.Length: > 0 } l ? l.Value : null;

    private static List<string> Names(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var list = names.ToList();
        foreach (var name in list)
        {
            ArgumentException.ThrowIfNullOrEmpty(name, nameof(names));
        }

        return list;
    }
}
