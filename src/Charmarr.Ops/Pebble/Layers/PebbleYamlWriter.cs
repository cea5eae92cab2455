using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Charmarr.Ops.Pebble;

/// <summary>
/// Writes a layer as YAML in Pebble's own field order (the order <c>GET /v1/plan</c> renders), names sorted, unset
/// fields left out, durations in Go's notation, and uid/gid 0 kept.
/// </summary>
internal sealed partial class PebbleYamlWriter
{
    private readonly Emitter emitter;

    private PebbleYamlWriter(TextWriter output)
    {
        emitter = new Emitter(output);
    }

    /// <summary>Writes a layer.</summary>
    /// <param name="layer">The layer.</param>
    /// <returns>Its YAML; <c>{}</c> for an empty layer.</returns>
    public static string Write(PebbleLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var writer = new PebbleYamlWriter(text);
        writer.Document(layer);
        return text.ToString();
    }

    private void Document(PebbleLayer layer)
    {
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        BeginMap();
        String("summary", layer.Summary);
        String("description", layer.Description);
        Section("services", layer.Services, Service);
        Section("checks", layer.Checks, Check);
        Section("log-targets", layer.LogTargets, LogTarget);
        EndMap();
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
    }

    private void Service(PebbleService s)
    {
        String("summary", s.Summary);
        String("description", s.Description);
        String("startup", s.Startup?.Value);
        String("override", s.Override is { } o ? PebbleYamlValues.ToText(o) : null);
        String("command", s.Command);
        List("after", s.After);
        List("before", s.Before);
        List("requires", s.Requires);
        String("workload", s.Workload);
        Map("environment", s.Environment);
        Number("user-id", s.UserId);
        String("user", s.User);
        Number("group-id", s.GroupId);
        String("group", s.Group);
        String("working-dir", s.WorkingDir);
        String("on-success", s.OnSuccess is { } success ? PebbleYamlValues.ToText(success) : null);
        String("on-failure", s.OnFailure is { } failure ? PebbleYamlValues.ToText(failure) : null);
        Map("on-check-failure", s.OnCheckFailure?.ToDictionary(kv => kv.Key, kv => PebbleYamlValues.ToText(kv.Value), StringComparer.Ordinal));
        Duration("backoff-delay", s.BackoffDelay);
        if (s.BackoffFactor is { } factor)
        {
            Key("backoff-factor");
            Plain(factor.ToString("R", CultureInfo.InvariantCulture));
        }

        Duration("backoff-limit", s.BackoffLimit);
        Duration("kill-delay", s.KillDelay);
    }

    private void Check(PebbleCheck c)
    {
        String("override", c.Override is { } o ? PebbleYamlValues.ToText(o) : null);
        String("level", c.Level is { Value.Length: > 0 } level ? level.Value : null);
        String("startup", c.Startup?.Value);
        Duration("period", c.Period);
        Duration("timeout", c.Timeout);
        Number("threshold", c.Threshold);
        Nested("http", c.Http, http =>
        {
            String("url", http.Url);
            Map("headers", http.Headers);
        });
        Nested("tcp", c.Tcp, tcp =>
        {
            Number("port", tcp.Port);
            String("host", tcp.Host);
        });
        Nested("exec", c.Exec, exec =>
        {
            String("command", exec.Command);
            String("service-context", exec.ServiceContext);
            Map("environment", exec.Environment);
            Number("user-id", exec.UserId);
            String("user", exec.User);
            Number("group-id", exec.GroupId);
            String("group", exec.Group);
            String("working-dir", exec.WorkingDir);
        });
    }

    private void LogTarget(PebbleLogTarget t)
    {
        String("type", t.Type);
        String("location", t.Location);
        List("services", t.Services);
        String("override", t.Override is { } o ? PebbleYamlValues.ToText(o) : null);
        Map("labels", t.Labels);
    }

    private void Section<T>(string name, IReadOnlyDictionary<string, T> items, Action<T> write)
    {
        if (items.Count == 0)
        {
            return;
        }

        Key(name);
        BeginMap();
        foreach (var (itemName, item) in items.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Key(itemName);
            BeginMap();
            write(item);
            EndMap();
        }

        EndMap();
    }

    private void Nested<T>(string key, T? value, Action<T> write)
        where T : class
    {
        if (value is null)
        {
            return;
        }

        Key(key);
        BeginMap();
        write(value);
        EndMap();
    }

    private void String(string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        Key(key);
        Text(value);
    }

    private void Number(string key, long? value)
    {
        if (value is null)
        {
            return;
        }

        Key(key);
        Plain(value.Value.ToString(CultureInfo.InvariantCulture));
    }

    private void Duration(string key, TimeSpan? value)
    {
        if (value is null)
        {
            return;
        }

        Key(key);
        Plain(GoDuration.Format(value.Value));
    }

    private void List(string key, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        Key(key);
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, values.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
        foreach (var value in values)
        {
            Text(value);
        }

        emitter.Emit(new SequenceEnd());
    }

    private void Map(string key, IReadOnlyDictionary<string, string>? values)
    {
        if (values is null)
        {
            return;
        }

        Key(key);
        emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, values.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
        foreach (var (name, value) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Key(name);
            Text(value);
        }

        emitter.Emit(new MappingEnd());
    }

    private void BeginMap() => emitter.Emit(new MappingStart());

    private void EndMap() => emitter.Emit(new MappingEnd());

    private void Key(string key) => Text(key);

    // A plain scalar that a YAML reader would type as something other than a string (true, 10, null, 1e3, 0x1F,
    // 2024-01-02) is quoted, so names and values such as "on" or "8080" stay strings for Pebble and PyYAML alike.
    // Text with leading or trailing white space, line breaks of any kind (NEL, LS, PS included) or control characters
    // is double-quoted too: in the styles the emitter would otherwise pick, a reader drops outer tabs and reads a raw
    // NEL as a line break; double-quoted, they are escapes (\t, \N) and read back exactly.
    private void Text(string value) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, MustQuote(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, true, true));

    private static bool MustQuote(string value) =>
        NotAString().IsMatch(value)
        || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
        || value.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' || char.IsSurrogate(c));

    private void Plain(string value) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, true, false));

    [GeneratedRegex(@"^(|~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?0[xob][0-9a-fA-F_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]+(:[0-5]?[0-9])+(\.[0-9_]*)?|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?|<<|=)$")]
    private static partial Regex NotAString();
}
