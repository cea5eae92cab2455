using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Charmarr.Ops.Backend;
using Charmarr.Ops.Model;
using YamlDotNet.RepresentationModel;

namespace Charmarr.Ops.Testing.Juju.HookTools;

/// <summary>
/// Answers hook-tool command lines (<c>relation-get --format=json -r db:1 - pg/0</c>) from a <see cref="MemoryJujuBackend"/>,
/// as the unit agent answers jujuc: argv parsed gnuflag-style, exit 2 for usage errors, 1 for failures, <c>ERROR …</c>
/// on stderr, Go's JSON on stdout. The backend enforces Juju's rules; its errors carry the exit code and stderr Juju
/// would print, which are passed on unchanged. Tools not simulated (secrets) fail with a message saying so.
/// </summary>
internal sealed partial class MemoryHookTools(MemoryJujuBackend backend, IReadOnlyDictionary<string, string> hookEnvironment)
{
    private static readonly HashSet<string> Statuses = new(StringComparer.Ordinal) { "maintenance", "blocked", "waiting", "active" };

    /// <summary>Every tool name answered here under Juju 3.x; the simulation puts a shim on PATH for each of <see cref="NamesFor"/>.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "is-leader", "config-get", "relation-ids", "relation-list", "relation-get", "relation-set", "status-get", "status-set",
        "application-version-set", "goal-state", "action-get", "action-set", "action-fail", "action-log", "juju-log",
        "state-get", "state-set", "state-delete", "open-port", "close-port", "opened-ports", "storage-list", "storage-get",
        "storage-add", "resource-get", "network-get", "secret-add", "secret-get", "secret-set", "secret-ids", "secret-info-get",
        "secret-grant", "secret-revoke", "secret-remove", "leader-get", "leader-set",
    ];

    /// <summary>Runs one tool.</summary>
    /// <param name="tool">The tool's name.</param>
    /// <param name="args">Its arguments.</param>
    /// <param name="readStdin">Reads the caller's stdin (only tools given <c>--file -</c> call it).</param>
    /// <returns>The exit code and output.</returns>
    public HookToolResponse Run(string tool, IReadOnlyList<string> args, Func<string> readStdin)
    {
        var stderr = "";
        try
        {
            var flags = new FlagSet();
            var stdout = tool switch
            {
                "is-leader" => Output(flags, args, f => [], () => JsonValue.Create(backend.IsLeader())),
                "config-get" => ConfigGet(flags, args),
                "relation-ids" => RelationIds(flags, args),
                "relation-list" => RelationList(flags, args),
                "relation-get" => RelationGet(flags, args),
                "relation-set" => RelationSet(flags, args, readStdin, ref stderr),
                "status-get" => StatusGet(flags, args),
                "status-set" => StatusSet(flags, args),
                "application-version-set" => Positional(flags, args, 1, 1, "no version specified", a => backend.SetApplicationVersion(a[0])),
                "goal-state" => Output(flags, args, f => [], () => GoalState(backend.GetGoalState())),
                "action-get" => ActionGet(flags, args),
                "action-set" => ActionSet(flags, args),
                "action-fail" => Positional(flags, args, 0, 1, "", a => backend.FailAction(a.Count > 0 ? a[0] : "action failed without reason given, check action for errors")),
                "action-log" => Positional(flags, args, 1, int.MaxValue, "no message specified", a => backend.LogAction(string.Join(' ', a))),
                "juju-log" => JujuLog(flags, args, ref stderr),
                "state-get" => StateGet(flags, args),
                "state-set" => StateSet(flags, args, readStdin),
                "state-delete" => Positional(flags, args, 1, 1, "no key specified", a => backend.DeleteState(a[0])),
                "open-port" or "close-port" => PortChange(flags, args, tool == "open-port", ref stderr),
                "opened-ports" => Output(flags, args, f => [], () => Strings(backend.GetOpenedPorts().Select(p => p.ToString()))),
                "storage-list" => Output(flags, args, f => f.Count <= 1 ? f : throw HookToolException.UnrecognizedArgs(f.Skip(1)), f => Strings(backend.ListStorage(f.Count > 0 ? f[0] : null))),
                "storage-get" => StorageGet(flags, args),
                "storage-add" => Positional(flags, args, 1, int.MaxValue, "storage add requires a storage directive", StorageAdd),
                "resource-get" => ResourceGet(args),
                "network-get" => NetworkGet(flags, args),
                "leader-get" or "leader-set" when !backend.JujuVersion.HasLeaderSettings => throw HookToolException.Failure($"bad request: unknown command: {tool}"),
                "leader-get" => LeaderGet(flags, args),
                "leader-set" => LeaderSet(flags, args),
                _ when Names.Contains(tool) => throw HookToolException.Failure($"{tool} is not simulated by charmarr simulate; test it with Charmarr.Ops.Testing's MemoryJujuBackend"),
                _ => throw HookToolException.Failure($"bad request: unknown command: {tool}"),
            };
            return new HookToolResponse(0, stdout, stderr);
        }
        catch (HelpRequestedException)
        {
            return new HookToolResponse(0, $"Usage: {tool} [options]\n", "");
        }
        catch (HookToolException e)
        {
            return new HookToolResponse(e.ExitCode, "", $"{stderr}ERROR {e.Message}\n");
        }
        catch (JujuModelException e) when (e.ExitCode is { } code)
        {
            return new HookToolResponse(code, "", e.Stderr ?? $"ERROR {e.Message}\n");
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return new HookToolResponse(2, "", $"ERROR {e.Message}\n");
        }
        catch (Exception e) when (e is JujuModelException or InvalidOperationException or KeyNotFoundException)
        {
            return new HookToolResponse(1, "", $"ERROR {e.Message}\n");
        }
    }

    private string Env(string name) => hookEnvironment.TryGetValue(name, out var value) ? value : "";

    // --format (smart|yaml|json) and -o, as juju/cmd defines them; yaml is written as JSON flow, which YAML reads.
    private static string Output(FlagSet flags, IReadOnlyList<string> args, Func<List<string>, List<string>> validate, Func<List<string>, JsonNode?> value)
    {
        var format = "smart";
        string[] formats = ["smart", "yaml", "json"];
        flags.String(v => format = formats.Contains(v) ? v : throw new FlagValueException($"unknown format {HookToolException.GoQuote(v)}"), "format");
        var positionals = validate(flags.Parse(args));
        var node = value(positionals);
        var text = format == "smart" ? Smart(node) : JujuJson.Serialize(node);
        return text.Length == 0 || text.EndsWith('\n') ? text : text + "\n";
    }

    private static string Output(FlagSet flags, IReadOnlyList<string> args, Func<List<string>, List<string>> validate, Func<JsonNode?> value) =>
        Output(flags, args, validate, _ => value());

    private static string Smart(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "True" : "False",
        JsonArray a when a.All(i => i is JsonValue iv && iv.GetValueKind() == JsonValueKind.String) => string.Join('\n', a.Select(i => i!.GetValue<string>())),
        _ => JujuJson.Serialize(node),
    };

    private static string Positional(FlagSet flags, IReadOnlyList<string> args, int min, int max, string missing, Action<List<string>> run)
    {
        var positionals = flags.Parse(args);
        if (positionals.Count < min)
        {
            throw HookToolException.Usage(missing);
        }

        if (positionals.Count > max)
        {
            throw HookToolException.UnrecognizedArgs(positionals.Skip(max));
        }

        run(positionals);
        return "";
    }

    private static JsonArray Strings(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    private static JsonObject StringMap(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            obj[key] = value;
        }

        return obj;
    }

    private static JsonNode? Pick(JsonObject map, List<string> positionals, int max)
    {
        if (positionals.Count > max)
        {
            throw HookToolException.UnrecognizedArgs(positionals.Skip(max));
        }

        return positionals.Count == 0 || positionals[0] == "-" ? map : map[positionals[0]]?.DeepClone();
    }

    // key=value arguments and a --file map (YAML or JSON); a null value becomes "" (delete, for relations).
    private static Dictionary<string, string> Settings(string? file, Func<string> readStdin, IEnumerable<string> pairs)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (file is not null)
        {
            var text = file == "-" ? readStdin() : File.ReadAllText(file);
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map)
            {
                foreach (var (key, value) in map.Children)
                {
                    settings[((YamlScalarNode)key).Value ?? ""] = value is YamlScalarNode { Value: var v } s && !(s.Style == YamlDotNet.Core.ScalarStyle.Plain && v is "null" or "~") ? v ?? "" : "";
                }
            }
        }

        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw HookToolException.Usage($"expected \"key=value\", got {HookToolException.GoQuote(pair)}");
            }

            settings[pair[..eq]] = pair[(eq + 1)..];
        }

        return settings;
    }

    private static int ParseInt(string text) => int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
