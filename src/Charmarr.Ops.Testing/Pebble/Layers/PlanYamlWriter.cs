using System.Globalization;
using System.Text.RegularExpressions;
using Charmarr.Ops.Testing.Pebble.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Charmarr.Ops.Testing.Pebble.Layers;

/// <summary>
/// Renders the plan as Pebble's <c>GET /v1/plan</c> does with yaml.v3 (§3.7): sections in struct order, 4-space
/// indent, indented sequences, sorted map keys, Go-printed durations, only user-set values plus a check's threshold.
/// </summary>
internal static partial class PlanYamlWriter
{
    public static string Render(PlanLayer plan)
    {
        if (plan.Services.Count == 0 && plan.Checks.Count == 0 && plan.LogTargets.Count == 0)
        {
            return "{}\n";
        }

        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(4, int.MaxValue, false, 1024, false, true, "\n"));
        var yaml = new YamlEvents(emitter);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        emitter.Emit(new MappingStart());
        yaml.Section("services", plan.Services, WriteService);
        yaml.Section("checks", plan.Checks, WriteCheck);
        yaml.Section("log-targets", plan.LogTargets, WriteLogTarget);
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void WriteService(YamlEvents yaml, ServiceConfig s)
    {
        yaml.Text("summary", s.Summary);
        yaml.Text("description", s.Description);
        yaml.Text("startup", s.Startup);
        yaml.Text("override", s.Override);
        yaml.Text("command", s.Command);
        yaml.List("after", s.After, omitEmpty: true);
        yaml.List("before", s.Before, omitEmpty: true);
        yaml.List("requires", s.Requires, omitEmpty: true);
        yaml.Text("workload", s.Workload);
        yaml.Map("environment", s.Environment);
        yaml.Int("user-id", s.UserId);
        yaml.Text("user", s.User);
        yaml.Int("group-id", s.GroupId);
        yaml.Text("group", s.Group);
        yaml.Text("working-dir", s.WorkingDir);
        yaml.Text("on-success", s.OnSuccess);
        yaml.Text("on-failure", s.OnFailure);
        yaml.Map("on-check-failure", s.OnCheckFailure);
        yaml.Duration("backoff-delay", s.BackoffDelay);
        if (s.BackoffFactor is { } factor)
        {
            yaml.Raw("backoff-factor", FormatFloat(factor));
        }

        yaml.Duration("backoff-limit", s.BackoffLimit);
        yaml.Duration("kill-delay", s.KillDelay);
    }

    private static void WriteCheck(YamlEvents yaml, CheckConfig c)
    {
        yaml.Text("override", c.Override);
        yaml.Text("level", c.Level);
        yaml.Text("startup", c.Startup);
        yaml.Duration("period", c.Period);
        yaml.Duration("timeout", c.Timeout);
        yaml.Int("threshold", c.Threshold == 0 ? null : c.Threshold);
        yaml.Nested("http", c.Http, (y, http) =>
        {
            y.Text("url", http.Url);
            y.Map("headers", http.Headers);
        });
        yaml.Nested("tcp", c.Tcp, (y, tcp) =>
        {
            y.Int("port", tcp.Port == 0 ? null : tcp.Port);
            y.Text("host", tcp.Host);
        });
        yaml.Nested("exec", c.Exec, (y, exec) =>
        {
            y.Text("command", exec.Command);
            y.Text("service-context", exec.ServiceContext);
            y.Map("environment", exec.Environment);
            y.Int("user-id", exec.UserId);
            y.Text("user", exec.User);
            y.Int("group-id", exec.GroupId);
            y.Text("group", exec.Group);
            y.Text("working-dir", exec.WorkingDir);
        });
    }

    private static void WriteLogTarget(YamlEvents yaml, LogTargetConfig t)
    {
        yaml.Raw("type", t.Type, alwaysEmit: true);
        yaml.Raw("location", t.Location, alwaysEmit: true);
        yaml.List("services", t.Services, omitEmpty: false);
        yaml.Text("override", t.Override);
        yaml.Map("labels", t.Labels);
    }

    // Go's strconv.FormatFloat(f, 'g', -1, 64).
    private static string FormatFloat(double value) =>
        value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);

    /// <summary>True when yaml.v3 would double-quote the string: it would read back as another type, or as a YAML 1.1 bool or base-60 float.</summary>
    internal static bool ResolvesAsNonString(string text) =>
        text.Length == 0 || NonStringPattern().IsMatch(text.Replace("_", "", StringComparison.Ordinal));

    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|<<"
        + @"|[-+]?(0|[1-9][0-9]*)|[-+]?0[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?0o[0-7]+|[-+]?0b[01]+"
        + @"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
        + @"|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$")]
    private static partial Regex NonStringPattern();

    /// <summary>Emits the events of one mapping's fields with Pebble's omitempty rules.</summary>
    private sealed class YamlEvents(IEmitter emitter)
    {
        public void Section<T>(string key, SortedDictionary<string, T> items, Action<YamlEvents, T> write)
        {
            if (items.Count == 0)
            {
                return;
            }

            Key(key);
            emitter.Emit(new MappingStart());
            foreach (var (name, item) in items)
            {
                Key(name);
                emitter.Emit(new MappingStart());
                write(this, item);
                emitter.Emit(new MappingEnd());
            }

            emitter.Emit(new MappingEnd());
        }

        public void Nested<T>(string key, T? value, Action<YamlEvents, T> write)
            where T : class
        {
            if (value is null)
            {
                return;
            }

            Key(key);
            emitter.Emit(new MappingStart());
            write(this, value);
            emitter.Emit(new MappingEnd());
        }

        public void Text(string key, string value)
        {
            if (value.Length > 0)
            {
                Key(key);
                String(value);
            }
        }

        public void Raw(string key, string value, bool alwaysEmit = false)
        {
            if (value.Length > 0 || alwaysEmit)
            {
                Key(key);
                if (value.Length == 0)
                {
                    String(value);
                }
                else
                {
                    emitter.Emit(new Scalar(null, null, value, ScalarStyle.Plain, true, false));
                }
            }
        }

        public void Int(string key, int? value)
        {
            if (value is { } number)
            {
                Raw(key, number.ToString(CultureInfo.InvariantCulture));
            }
        }

        public void Duration(string key, TimeSpan? value)
        {
            if (value is { } duration)
            {
                Raw(key, GoDuration.Format(duration));
            }
        }

        public void List(string key, List<string> items, bool omitEmpty)
        {
            if (items.Count == 0 && omitEmpty)
            {
                return;
            }

            Key(key);
            emitter.Emit(new SequenceStart(null, null, true, items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
            foreach (var item in items)
            {
                String(item);
            }

            emitter.Emit(new SequenceEnd());
        }

        public void Map(string key, SortedDictionary<string, string> map)
        {
            if (map.Count == 0)
            {
                return;
            }

            Key(key);
            emitter.Emit(new MappingStart());
            foreach (var (name, value) in map)
            {
                Key(name);
                String(value);
            }

            emitter.Emit(new MappingEnd());
        }

        private void Key(string key) => String(key);

        private void String(string value)
        {
            var style = value.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal
                : ResolvesAsNonString(value) ? ScalarStyle.DoubleQuoted
                : ScalarStyle.Any;
            emitter.Emit(new Scalar(null, null, value, style, true, true));
        }
    }
}
