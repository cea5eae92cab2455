using System.Globalization;
using System.Text.Json.Nodes;
using Charmarr.Ops.Backend;
using Charmarr.Ops.Model;

namespace Charmarr.Ops.Testing.Juju.HookTools;

internal sealed partial class MemoryHookTools
{
    private string ConfigGet(FlagSet flags, IReadOnlyList<string> args)
    {
        flags.Bool(_ => { }, "a", "all");
        return Output(flags, args, f => f, f =>
        {
            var config = new JsonObject();
            foreach (var (key, value) in backend.GetConfig())
            {
                config[key] = value?.DeepClone();
            }

            return Pick(config, f, 1);
        });
    }

    private string StatusGet(FlagSet flags, IReadOnlyList<string> args)
    {
        var includeData = false;
        var application = false;
        flags.Bool(v => includeData = v, "include-data");
        flags.Bool(v => application = v, "application");
        return Output(flags, args, f => f.Count == 0 ? f : throw HookToolException.UnrecognizedArgs(f), () =>
        {
            var report = backend.GetStatus(application);
            JsonObject Details(Status status) => includeData
                ? new JsonObject { ["message"] = status.Message, ["status"] = status.Name, ["status-data"] = new JsonObject() }
                : new JsonObject { ["status"] = status.Name };
            if (!application)
            {
                return Details(report.Status);
            }

            var details = Details(report.Status);
            var units = new JsonObject();
            foreach (var (unit, status) in report.Units)
            {
                units[unit] = Details(status);
            }

            details["units"] = units;
            return new JsonObject { ["application-status"] = details };
        });
    }

    private string StatusSet(FlagSet flags, IReadOnlyList<string> args)
    {
        var application = false;
        flags.Bool(v => application = v, "application");
        return Positional(flags, args, 1, 2, "invalid args, require <status> [message]", a =>
        {
            if (!Statuses.Contains(a[0]))
            {
                throw HookToolException.Usage($"invalid status {HookToolException.GoQuote(a[0])}, expected one of [maintenance blocked waiting active]");
            }

            backend.SetStatus(new Status(StatusNames.Parse(a[0]), a.Count > 1 ? a[1] : ""), application);
        });
    }

    private static JsonObject GoalState(GoalState state)
    {
        static JsonObject Entries(IReadOnlyDictionary<string, GoalStateEntry> entries)
        {
            var obj = new JsonObject();
            foreach (var (name, entry) in entries)
            {
                obj[name] = new JsonObject { ["status"] = entry.Status, ["since"] = (entry.Since ?? DateTimeOffset.UnixEpoch).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) };
            }

            return obj;
        }

        var relations = new JsonObject();
        foreach (var (endpoint, members) in state.Relations)
        {
            relations[endpoint] = Entries(members);
        }

        return new JsonObject { ["units"] = Entries(state.Units), ["relations"] = relations };
    }

    private string ActionGet(FlagSet flags, IReadOnlyList<string> args) => Output(flags, args, f => f, f =>
    {
        JsonNode? value = backend.GetActionParameters();
        foreach (var segment in f.Count == 0 ? [] : f[0].Split('.'))
        {
            value = value is JsonObject obj ? obj[segment] : null;
        }

        return f.Count > 1 ? throw HookToolException.UnrecognizedArgs(f.Skip(1)) : value?.DeepClone();
    });

    private string ActionSet(FlagSet flags, IReadOnlyList<string> args) =>
        Positional(flags, args, 0, int.MaxValue, "", a => backend.SetActionResults(Settings(null, () => "", a)));

    private string JujuLog(FlagSet flags, IReadOnlyList<string> args, ref string stderr)
    {
        var level = "INFO";
        var format = "";
        flags.String(v => level = v, "l", "log-level");
        flags.String(v => format = v, "format");
        flags.Bool(_ => { }, "debug");
        var message = flags.Parse(args);
        if (message.Count == 0)
        {
            throw HookToolException.Usage("no message specified");
        }

        if (format.Length > 0)
        {
            stderr = "--format flag deprecated for command \"juju-log\"";
        }

        var parsed = level.ToUpperInvariant() switch
        {
            "TRACE" => JujuLogLevel.Trace,
            "DEBUG" => JujuLogLevel.Debug,
            "WARNING" => JujuLogLevel.Warning,
            "ERROR" => JujuLogLevel.Error,
            "CRITICAL" => JujuLogLevel.Critical,
            _ => JujuLogLevel.Info,
        };
        backend.Log(parsed, string.Join(' ', message));
        return "";
    }

    private string StateGet(FlagSet flags, IReadOnlyList<string> args)
    {
        var strict = false;
        flags.Bool(v => strict = v, "strict");
        return Output(flags, args, f => f, f =>
        {
            var state = backend.GetState();
            if (f.Count == 0)
            {
                return state.Count == 0 ? null : StringMap(state);
            }

            return state.TryGetValue(f[0], out var value) ? JsonValue.Create(value)
                : strict ? throw HookToolException.Failure($"state-get: key {HookToolException.GoQuote(f[0])} not found") : null;
        });
    }

    private string StateSet(FlagSet flags, IReadOnlyList<string> args, Func<string> readStdin)
    {
        string? file = null;
        flags.String(v => file = v, "file");
        var pairs = flags.Parse(args);
        backend.SetState(Settings(file, readStdin, pairs));
        return "";
    }

    private string PortChange(FlagSet flags, IReadOnlyList<string> args, bool open, ref string stderr)
    {
        var format = "";
        flags.String(v => format = v, "format");
        flags.String(_ => { }, "endpoints");
        Positional(flags, args, 1, 1, "no port or range specified", a =>
        {
            var port = Port.Parse(a[0]);
            if (open)
            {
                backend.OpenPort(port);
            }
            else
            {
                backend.ClosePort(port);
            }
        });
        if (format.Length > 0)
        {
            stderr = $"--format flag deprecated for command \"{(open ? "open-port" : "close-port")}\"";
        }

        return "";
    }

    private string StorageGet(FlagSet flags, IReadOnlyList<string> args)
    {
        var storageId = Env("JUJU_STORAGE_ID");
        flags.String(v => storageId = v, "s");
        return Output(flags, args, f => f, f =>
        {
            if (storageId.Length == 0)
            {
                throw HookToolException.Usage("no storage instance specified");
            }

            var details = backend.GetStorage(storageId);
            return Pick(new JsonObject { ["kind"] = details.Kind, ["location"] = details.Location }, f, 1);
        });
    }

    private void StorageAdd(List<string> directives)
    {
        foreach (var directive in directives)
        {
            var eq = directive.IndexOf('=', StringComparison.Ordinal);
            backend.AddStorage(eq < 0 ? directive : directive[..eq], eq < 0 ? 1 : ParseInt(directive[(eq + 1)..]));
        }
    }

    // resource-get prints the path with no trailing newline.
    private string ResourceGet(IReadOnlyList<string> args) => args.Count == 1
        ? backend.GetResource(args[0])
        : throw HookToolException.Usage(args.Count == 0 ? "missing required resource name" : "unrecognized args");
}
