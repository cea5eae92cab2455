using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Charmarr.Ops.Backend;
using Charmarr.Ops.Model;
using Charmarr.Ops.Tracing;

namespace Charmarr.Ops.HookTools;

/// <summary>
/// The production <see cref="IJujuBackend"/>: every member runs one (or, for long log lines, several) Juju hook
/// tools found on <c>PATH</c>, with <c>--format=json</c> wherever the tool offers it.
/// </summary>
public sealed class HookToolBackend : IJujuBackend
{
    /// <summary>The longest single argument Linux passes to a process (MAX_ARG_STRLEN, 131072, less the terminating NUL).</summary>
    internal const int MaxArgumentBytes = 131071;

    private const string Json = "--format=json";

    private readonly IHookToolRunner _runner;

    /// <summary>Creates a backend that runs the hook tools Juju puts on <c>PATH</c>.</summary>
    public HookToolBackend()
        : this(new ProcessHookToolRunner())
    {
    }

    /// <summary>Creates a backend over any runner (for tests).</summary>
    /// <param name="runner">Runs the tools.</param>
    internal HookToolBackend(IHookToolRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
    }

    // ---------------------------------------------------------------------------------------------
    // Leadership and config

    /// <inheritdoc />
    public bool IsLeader()
    {
        const string tool = "is-leader";
        var stdout = Run(tool, [Json]);
        return HookToolJson.Parse(tool, stdout) is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value.GetValue<bool>()
            : throw HookToolErrors.BadOutput(tool, stdout, "expected true or false");
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, JsonNode?> GetConfig()
    {
        const string tool = "config-get";
        var obj = HookToolJson.ParseObject(tool, Run(tool, [Json]));
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            result[key] = value?.DeepClone();
        }

        return result;
    }

    // ---------------------------------------------------------------------------------------------
    // Relations

    /// <inheritdoc />
    public IReadOnlyList<int> GetRelationIds(string endpoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        const string tool = "relation-ids";
        var stdout = Run(tool, [endpoint, Json]);
        var ids = new List<int>();
        foreach (var text in HookToolJson.ParseStringList(tool, stdout))
        {
            var idText = text[(text.LastIndexOf(':') + 1)..];
            if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw HookToolErrors.BadOutput(tool, stdout, $"\"{text}\" is not a relation id");
            }

            ids.Add(id);
        }

        ids.Sort();
        return ids;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> GetRelationUnits(string endpoint, int relationId)
    {
        const string tool = "relation-list";
        return HookToolJson.ParseStringList(tool, Run(tool, [Json, "-r", RelationFlag(endpoint, relationId)]));
    }

    /// <inheritdoc />
    public string? GetRelationRemoteApp(string endpoint, int relationId)
    {
        const string tool = "relation-list";
        var stdout = Run(tool, [Json, "-r", RelationFlag(endpoint, relationId), "--app"]);
        return HookToolJson.Parse(tool, stdout) switch
        {
            null => null,
            var node => HookToolJson.AsString(node) is { } app
                ? (app.Length == 0 ? null : app)
                : throw HookToolErrors.BadOutput(tool, stdout, "expected a string"),
        };
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> GetRelationData(string endpoint, int relationId, string owner, bool isApp)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        const string tool = "relation-get";
        List<string> args = [Json, "-r", RelationFlag(endpoint, relationId)];
        if (isApp)
        {
            args.Add("--app");
        }

        args.Add("-");
        args.Add(owner);
        return HookToolJson.ParseStringMap(tool, Run(tool, args));
    }

    /// <inheritdoc />
    public void SetRelationData(string endpoint, int relationId, IReadOnlyDictionary<string, string> changes, bool isApp)
    {
        var flag = RelationFlag(endpoint, relationId);
        JujuArgumentRules.CheckRelationChanges(changes, nameof(changes));
        if (changes.Count == 0)
        {
            return;
        }

        List<string> args = ["-r", flag];
        if (isApp)
        {
            args.Add("--app");
        }

        args.Add("--file");
        args.Add("-");
        Run("relation-set", args, HookToolJson.WriteStringMap(changes));
    }

    // ---------------------------------------------------------------------------------------------
    // Status and version

    /// <inheritdoc />
    public StatusReport GetStatus(bool application)
    {
        const string tool = "status-get";
        List<string> args = ["--include-data", Json];
        if (application)
        {
            args.Add("--application");
        }

        var stdout = Run(tool, args);
        var root = HookToolJson.ParseObject(tool, stdout);
        if (!application)
        {
            return new StatusReport(ReadStatus(root), new Dictionary<string, Status>(StringComparer.Ordinal));
        }

        if (root["application-status"] is not JsonObject appStatus)
        {
            throw HookToolErrors.BadOutput(tool, stdout, "no \"application-status\" object");
        }

        var units = new Dictionary<string, Status>(StringComparer.Ordinal);
        if ((appStatus["units"] ?? root["units"]) is JsonObject unitMap)
        {
            foreach (var (unit, node) in unitMap)
            {
                units[unit] = node is JsonObject unitStatus
                    ? ReadStatus(unitStatus)
                    : throw HookToolErrors.BadOutput(tool, stdout, $"status of \"{unit}\" is not an object");
            }
        }

        return new StatusReport(ReadStatus(appStatus), units);
    }

    /// <inheritdoc />
    public void SetStatus(Status status, bool application)
    {
        ArgumentNullException.ThrowIfNull(status);
        status.ThrowIfNotSettable(nameof(status));

        List<string> args = [];
        if (application)
        {
            args.Add("--application");
        }

        args.Add(status.Name);
        args.Add("--");
        args.Add(status.Message ?? string.Empty);
        Run("status-set", args);
    }

    /// <inheritdoc />
    public void SetApplicationVersion(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        Run("application-version-set", ["--", version]);
    }

    /// <inheritdoc />
    public GoalState GetGoalState()
    {
        const string tool = "goal-state";
        var stdout = Run(tool, [Json]);
        var root = HookToolJson.ParseObject(tool, stdout);
        var units = ReadGoalEntries(tool, stdout, root["units"]);
        var relations = new Dictionary<string, IReadOnlyDictionary<string, GoalStateEntry>>(StringComparer.Ordinal);
        if (root["relations"] is JsonObject relationMap)
        {
            foreach (var (endpoint, members) in relationMap)
            {
                relations[endpoint] = ReadGoalEntries(tool, stdout, members);
            }
        }

        return new GoalState(units, relations);
    }

    // ---------------------------------------------------------------------------------------------
    // Actions

    /// <inheritdoc />
    public JsonObject GetActionParameters()
    {
        const string tool = "action-get";
        return HookToolJson.ParseObject(tool, Run(tool, [Json]));
    }

    /// <inheritdoc />
    public void SetActionResults(IReadOnlyDictionary<string, string> results)
    {
        JujuArgumentRules.CheckActionResults(results, nameof(results));
        var args = new List<string>(results.Count);
        foreach (var (key, value) in results)
        {
            var arg = key + "=" + value;
            if (Encoding.UTF8.GetByteCount(arg) > MaxArgumentBytes)
            {
                throw new ArgumentException(
                    $"action result \"{key}\" is too large: \"key=value\" must fit in {MaxArgumentBytes} bytes of UTF-8",
                    nameof(results));
            }

            args.Add(arg);
        }

        if (args.Count == 0)
        {
            return;
        }

        Run("action-set", args);
    }

    /// <inheritdoc />
    public void FailAction(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Run("action-fail", ["--", message]);
    }

    /// <inheritdoc />
    public void LogAction(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Run("action-log", ["--", message]);
    }

    // ---------------------------------------------------------------------------------------------
    // Logging

    /// <inheritdoc />
    public void Log(JujuLogLevel level, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var levelName = level switch
        {
            JujuLogLevel.Trace => "TRACE",
            JujuLogLevel.Debug => "DEBUG",
            JujuLogLevel.Info => "INFO",
            JujuLogLevel.Warning => "WARNING",
            JujuLogLevel.Error => "ERROR",
            JujuLogLevel.Critical => "CRITICAL",
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "unknown log level"),
        };

        var chunks = SplitUtf8(message, MaxArgumentBytes);
        if (chunks.Count > 1)
        {
            var preface = string.Create(
                CultureInfo.InvariantCulture,
                $"The next log message is {Encoding.UTF8.GetByteCount(message)} bytes, more than one argument can carry; it follows in {chunks.Count} parts.");
            Run("juju-log", ["--log-level", levelName, "--", preface]);
        }

        foreach (var chunk in chunks)
        {
            Run("juju-log", ["--log-level", levelName, "--", chunk]);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Ports

    /// <inheritdoc />
    public void OpenPort(Port port)
    {
        ArgumentNullException.ThrowIfNull(port);
        Run("open-port", [port.ToString()]);
    }

    /// <inheritdoc />
    public void ClosePort(Port port)
    {
        ArgumentNullException.ThrowIfNull(port);
        Run("close-port", [port.ToString()]);
    }

    /// <inheritdoc />
    public IReadOnlyList<Port> GetOpenedPorts()
    {
        const string tool = "opened-ports";
        var stdout = Run(tool, [Json]);
        var ports = new List<Port>();
        foreach (var text in HookToolJson.ParseStringList(tool, stdout))
        {
            try
            {
                ports.Add(Port.Parse(text));
            }
            catch (FormatException ex)
            {
                throw HookToolErrors.BadOutput(tool, stdout, ex.Message, ex);
            }
        }

        return ports;
    }

    // ---------------------------------------------------------------------------------------------
    // Storage

    /// <inheritdoc />
    public IReadOnlyList<string> ListStorage(string? name)
    {
        const string tool = "storage-list";
        List<string> args = [Json];
        if (name is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            args.Add(name);
        }

        return HookToolJson.ParseStringList(tool, Run(tool, args));
    }

    /// <inheritdoc />
    public StorageDetails GetStorage(string storageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(storageId);
        const string tool = "storage-get";
        var stdout = Run(tool, [Json, "-s", storageId]);
        var obj = HookToolJson.ParseObject(tool, stdout);
        var kind = HookToolJson.GetString(obj, "kind");
        var location = HookToolJson.GetString(obj, "location");
        return kind.Length == 0 && location.Length == 0
            ? throw HookToolErrors.BadOutput(tool, stdout, "no kind or location")
            : new StorageDetails(kind, location);
    }

    /// <inheritdoc />
    public void AddStorage(string name, int count)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Run("storage-add", [string.Create(CultureInfo.InvariantCulture, $"{name}={count}")]);
    }

    // ---------------------------------------------------------------------------------------------
    // Unit state

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> GetState()
    {
        const string tool = "state-get";
        return HookToolJson.ParseStringMap(tool, Run(tool, [Json]));
    }

    /// <inheritdoc />
    public void SetState(IReadOnlyDictionary<string, string> values)
    {
        JujuArgumentRules.CheckStateValues(values, nameof(values));
        if (values.Count == 0)
        {
            return;
        }

        Run("state-set", ["--file", "-"], HookToolJson.WriteStringMap(values));
    }

    /// <inheritdoc />
    public void DeleteState(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Run("state-delete", key.StartsWith('-') ? ["--", key] : [key]);
    }

    // ---------------------------------------------------------------------------------------------
    // Secrets

    /// <inheritdoc />
    public string AddSecret(IReadOnlyDictionary<string, string> content, SecretOwner owner, SecretOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        JujuArgumentRules.CheckSecretContent(content);
        var ownerName = owner switch
        {
            SecretOwner.Application => "application",
            SecretOwner.Unit => "unit",
            _ => throw new ArgumentOutOfRangeException(nameof(owner), owner, "unknown secret owner"),
        };

        const string tool = "secret-add";
        using var files = new SecretFiles();
        List<string> args = ["--owner", ownerName];
        AddSecretOptions(args, options);
        args.AddRange(files.Write(content));
        var stdout = Run(tool, args);
        var uri = stdout.Trim();
        return uri.Length == 0 ? throw HookToolErrors.BadOutput(tool, stdout, "no secret URI") : uri;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> GetSecret(string? id, string? label, bool refresh, bool peek)
    {
        JujuArgumentRules.CheckSecretGet(id, label, refresh, peek);

        const string tool = "secret-get";
        List<string> args = [Json];
        if (!string.IsNullOrEmpty(id))
        {
            args.Add(id);
        }

        if (!string.IsNullOrEmpty(label))
        {
            args.Add("--label");
            args.Add(label);
        }

        if (refresh)
        {
            args.Add("--refresh");
        }

        if (peek)
        {
            args.Add("--peek");
        }

        return HookToolJson.ParseStringMap(tool, Run(tool, args));
    }

    /// <inheritdoc />
    public SecretInfo GetSecretInfo(string? id, string? label)
    {
        const string tool = "secret-info-get";
        List<string> args = [Json];
        if (!string.IsNullOrEmpty(id))
        {
            args.Add(id);
        }
        else if (!string.IsNullOrEmpty(label))
        {
            args.Add("--label");
            args.Add(label);
        }
        else
        {
            throw new ArgumentException("secret-info-get needs a secret id or a label", nameof(id));
        }

        var stdout = Run(tool, args);
        var root = HookToolJson.ParseObject(tool, stdout);
        if (root.Count != 1 || root.First() is not { Value: JsonObject info } entry)
        {
            throw HookToolErrors.BadOutput(tool, stdout, "expected one secret keyed by its id");
        }

        var revision = info["revision"] is JsonValue rev && rev.GetValueKind() == JsonValueKind.Number && rev.TryGetValue<int>(out var r)
            ? r
            : throw HookToolErrors.BadOutput(tool, stdout, "no integer \"revision\"");
        var secretOwner = HookToolJson.GetString(info, "owner") switch
        {
            "application" => SecretOwner.Application,
            "unit" => SecretOwner.Unit,
            var other => throw HookToolErrors.BadOutput(tool, stdout, $"unknown owner \"{other}\""),
        };
        var description = HookToolJson.GetString(info, "description");
        var rotation = HookToolJson.GetString(info, "rotation");
        return new SecretInfo(
            entry.Key,
            HookToolJson.GetString(info, "label"),
            revision,
            secretOwner,
            description.Length == 0 ? null : description,
            rotation.Length == 0 ? null : ParseRotatePolicy(tool, stdout, rotation),
            ParseTime(tool, stdout, HookToolJson.GetString(info, "expiry")),
            ParseTime(tool, stdout, HookToolJson.GetString(info, "rotates")));
    }

    /// <inheritdoc />
    public void SetSecret(string id, IReadOnlyDictionary<string, string>? content, SecretOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(options);
        if (content is not null)
        {
            JujuArgumentRules.CheckSecretContent(content);
        }

        using var files = new SecretFiles();
        List<string> args = [id];
        AddSecretOptions(args, options);
        if (content is not null)
        {
            args.AddRange(files.Write(content));
        }

        Run("secret-set", args);
    }

    /// <inheritdoc />
    public void RemoveSecret(string id, int? revision)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (revision is { } rev)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(rev, 1, nameof(revision));
            Run("secret-remove", [id, "--revision", rev.ToString(CultureInfo.InvariantCulture)]);
        }
        else
        {
            Run("secret-remove", [id]);
        }
    }

    /// <inheritdoc />
    public void GrantSecret(string id, int relationId, string? unit) => GrantOrRevoke("secret-grant", id, relationId, unit);

    /// <inheritdoc />
    public void RevokeSecret(string id, int relationId, string? unit) => GrantOrRevoke("secret-revoke", id, relationId, unit);

    /// <inheritdoc />
    public IReadOnlyList<string> GetSecretIds()
    {
        const string tool = "secret-ids";
        return HookToolJson.ParseStringList(tool, Run(tool, [Json]));
    }

    // ---------------------------------------------------------------------------------------------
    // Network and resources

    /// <inheritdoc />
    public NetworkInfo GetNetwork(string binding, int? relationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(binding);
        const string tool = "network-get";
        List<string> args = [Json];
        if (relationId is { } rid)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(rid, nameof(relationId));
            args.Add("-r");
            args.Add(rid.ToString(CultureInfo.InvariantCulture));
        }

        args.Add(binding);
        var stdout = Run(tool, args);
        var root = HookToolJson.ParseObject(tool, stdout);

        var binds = new List<BindAddress>();
        if (root["bind-addresses"] is JsonArray bindArray)
        {
            foreach (var item in bindArray)
            {
                if (item is not JsonObject bind)
                {
                    throw HookToolErrors.BadOutput(tool, stdout, "a bind address is not an object");
                }

                var addresses = new List<NetworkAddress>();
                if (bind["addresses"] is JsonArray addressArray)
                {
                    foreach (var a in addressArray)
                    {
                        if (a is not JsonObject address)
                        {
                            throw HookToolErrors.BadOutput(tool, stdout, "an address is not an object");
                        }

                        var value = HookToolJson.GetString(address, "value");
                        if (value.Length == 0)
                        {
                            value = HookToolJson.GetString(address, "address");
                        }

                        addresses.Add(new NetworkAddress(
                            value,
                            HookToolJson.GetString(address, "cidr"),
                            HookToolJson.GetString(address, "hostname")));
                    }
                }

                binds.Add(new BindAddress(
                    HookToolJson.GetString(bind, "interface-name"),
                    HookToolJson.GetString(bind, "mac-address"),
                    addresses));
            }
        }

        return new NetworkInfo(
            binds,
            ReadStrings(tool, stdout, root["ingress-addresses"]),
            ReadStrings(tool, stdout, root["egress-subnets"]));
    }

    /// <inheritdoc />
    public string GetResource(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        const string tool = "resource-get";
        var stdout = Run(tool, [name]);
        var path = stdout.TrimEnd('\r', '\n');
        return path.Length == 0 ? throw HookToolErrors.BadOutput(tool, stdout, "no path") : path;
    }

    // ---------------------------------------------------------------------------------------------
    // Plumbing

    /// <summary>Runs a tool after checking every argument fits the kernel's limit; maps a non-zero exit to an exception.</summary>
    private string Run(string tool, IReadOnlyList<string> args, string? stdin = null)
    {
        foreach (var arg in args)
        {
            var bytes = Encoding.UTF8.GetByteCount(arg);
            if (bytes > MaxArgumentBytes)
            {
                throw new ArgumentException(
                    $"an argument to {tool} is {bytes} bytes of UTF-8; a single command-line argument may be at most {MaxArgumentBytes} bytes");
            }
        }

        using var span = CharmActivities.StartHookTool(tool, args);
        try
        {
            var result = _runner.Run(tool, args, stdin);
            span?.SetTag(SpanAttributes.ExitCode, result.ExitCode);
            return result.ExitCode == 0 ? result.Stdout : throw HookToolErrors.FromResult(tool, result);
        }
        catch (Exception e) when (span is not null)
        {
            CharmActivities.Fail(span, e);
            throw;
        }
    }

    private static string RelationFlag(string endpoint, int relationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        ArgumentOutOfRangeException.ThrowIfNegative(relationId);
        return string.Create(CultureInfo.InvariantCulture, $"{endpoint}:{relationId}");
    }

    private void GrantOrRevoke(string tool, string id, int relationId, string? unit)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentOutOfRangeException.ThrowIfNegative(relationId);
        List<string> args = [id, "-r", relationId.ToString(CultureInfo.InvariantCulture)];
        if (unit is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(unit);
            args.Add("--unit");
            args.Add(unit);
        }

        Run(tool, args);
    }

    private static Status ReadStatus(JsonObject obj) =>
        new(StatusNames.Parse(HookToolJson.GetString(obj, "status")), HookToolJson.GetString(obj, "message"));

    private static Dictionary<string, GoalStateEntry> ReadGoalEntries(string tool, string stdout, JsonNode? node)
    {
        var entries = new Dictionary<string, GoalStateEntry>(StringComparer.Ordinal);
        if (node is null)
        {
            return entries;
        }

        if (node is not JsonObject map)
        {
            throw HookToolErrors.BadOutput(tool, stdout, "expected an object of goal-state entries");
        }

        foreach (var (name, value) in map)
        {
            if (value is not JsonObject entry)
            {
                throw HookToolErrors.BadOutput(tool, stdout, $"entry \"{name}\" is not an object");
            }

            entries[name] = new GoalStateEntry(
                HookToolJson.GetString(entry, "status"),
                ParseGoalTime(tool, stdout, HookToolJson.GetString(entry, "since")));
        }

        return entries;
    }

    private static DateTimeOffset? ParseGoalTime(string tool, string stdout, string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        // Juju prints goal-state times as "2006-01-02 15:04:05Z" (a space, not a T).
        return DateTimeOffset.TryParseExact(
            text,
            "yyyy-MM-dd HH:mm:ss'Z'",
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var since)
            ? since
            : ParseTime(tool, stdout, text);
    }

    private static DateTimeOffset? ParseTime(string tool, string stdout, string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        return DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var time)
            ? time
            : throw HookToolErrors.BadOutput(tool, stdout, $"\"{text}\" is not a time");
    }

    private static List<string> ReadStrings(string tool, string stdout, JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array
            .Select(item => HookToolJson.AsString(item) ?? throw HookToolErrors.BadOutput(tool, stdout, "expected strings"))
            .ToList(),
        _ => throw HookToolErrors.BadOutput(tool, stdout, "expected an array"),
    };

    private static string RotatePolicyName(SecretRotatePolicy policy) => policy switch
    {
        SecretRotatePolicy.Never => "never",
        SecretRotatePolicy.Hourly => "hourly",
        SecretRotatePolicy.Daily => "daily",
        SecretRotatePolicy.Weekly => "weekly",
        SecretRotatePolicy.Monthly => "monthly",
        SecretRotatePolicy.Quarterly => "quarterly",
        SecretRotatePolicy.Yearly => "yearly",
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "unknown rotation policy"),
    };

    private static SecretRotatePolicy ParseRotatePolicy(string tool, string stdout, string text) => text switch
    {
        "never" => SecretRotatePolicy.Never,
        "hourly" => SecretRotatePolicy.Hourly,
        "daily" => SecretRotatePolicy.Daily,
        "weekly" => SecretRotatePolicy.Weekly,
        "monthly" => SecretRotatePolicy.Monthly,
        "quarterly" => SecretRotatePolicy.Quarterly,
        "yearly" => SecretRotatePolicy.Yearly,
        _ => throw HookToolErrors.BadOutput(tool, stdout, $"unknown rotation policy \"{text}\""),
    };

    private static void AddSecretOptions(List<string> args, SecretOptions options)
    {
        if (options.Label is not null)
        {
            args.Add("--label");
            args.Add(options.Label);
        }

        if (options.Description is not null)
        {
            args.Add("--description");
            args.Add(options.Description);
        }

        if (options.Expire is { } expire)
        {
            args.Add("--expire");
            args.Add(expire.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        if (options.Rotate is { } rotate)
        {
            args.Add("--rotate");
            args.Add(RotatePolicyName(rotate));
        }
    }

    /// <summary>Splits text into pieces of at most <paramref name="maxBytes"/> bytes of UTF-8, never inside a character.</summary>
    internal static List<string> SplitUtf8(string text, int maxBytes)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length <= maxBytes)
        {
            return [text];
        }

        var pieces = new List<string>();
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Math.Min(start + maxBytes, bytes.Length);
            if (end < bytes.Length)
            {
                // Back up off UTF-8 continuation bytes (10xxxxxx) so the cut falls between two characters.
                while (end > start && (bytes[end] & 0xC0) == 0x80)
                {
                    end--;
                }
            }

            pieces.Add(Encoding.UTF8.GetString(bytes, start, end - start));
            start = end;
        }

        return pieces;
    }
}
