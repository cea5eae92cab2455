using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Charmarr.Ops.Metadata;
using Scriban;
using Scriban.Runtime;

namespace Charmarr.Cli.Packing;

/// <summary>Renders the files Juju reads (metadata.yaml, config.yaml, actions.yaml, manifest.yaml) and <c>dispatch</c> from
/// the Scriban templates embedded in the tool. Models are <see cref="ScriptObject"/>s rendered with
/// <see cref="Template.Render(TemplateContext)"/> only: the reflection-based overloads do not survive trimming.</summary>
internal static class CharmFileRenderer
{
    private static readonly ConcurrentDictionary<string, Template> Templates = new(StringComparer.Ordinal);

    public static string Metadata(CharmcraftProject project)
    {
        var meta = project.Metadata;
        var sections = new ScriptArray();
        foreach (var (section, role) in new[] { ("requires", RelationRole.Requires), ("provides", RelationRole.Provides), ("peers", RelationRole.Peer) })
        {
            var endpoints = meta.Relations.Values.Where(r => r.Role == role).Select(r => Obj(
                ("name", YamlScalars.Key(r.Name)),
                ("interface", YamlScalars.Text(r.Interface)),
                ("limit", r.Limit is { } limit ? YamlScalars.Number(limit) : null),
                ("optional", r.Optional),
                ("scope", r.Scope == "global" ? null : YamlScalars.Text(r.Scope))));
            if (endpoints.Any())
            {
                sections.Add(Obj(("name", section), ("endpoints", Array(endpoints))));
            }
        }

        return Render("metadata.yaml", Obj(
            ("name", YamlScalars.Text(meta.Name)),
            ("title", project.Title is null ? null : YamlScalars.Text(project.Title)),
            ("summary", YamlScalars.Text(meta.Summary)),
            ("description", YamlScalars.Text(meta.Description)),
            ("relation_sections", sections),
            ("containers", Array(meta.Containers.Values.Select(c => Obj(
                ("name", YamlScalars.Key(c.Name)),
                ("resource", c.Resource is null ? null : YamlScalars.Text(c.Resource)),
                ("mounts", Array(c.Mounts.Select(m => Obj(
                    ("storage", YamlScalars.Text(m.Storage)),
                    ("location", m.Location.Length == 0 ? null : YamlScalars.Text(m.Location)))))))))),
            ("resources", Array(meta.Resources.Values.Select(r => Obj(
                ("name", YamlScalars.Key(r.Name)),
                ("type", YamlScalars.Text(r.Type)),
                ("description", OptionalText(r.Description, 4)),
                ("filename", r.Filename is null ? null : YamlScalars.Text(r.Filename)),
                ("upstream_source", r.UpstreamSource is null ? null : YamlScalars.Text(r.UpstreamSource)))))),
            ("storage", Array(meta.Storage.Values.Select(s => Obj(
                ("name", YamlScalars.Key(s.Name)),
                ("type", YamlScalars.Text(s.Type)),
                ("description", OptionalText(s.Description, 4)),
                ("location", s.Location is null ? null : YamlScalars.Text(s.Location)),
                ("minimum_size", s.MinimumSize is null ? null : YamlScalars.Text(s.MinimumSize)),
                ("multiple", s.Multiple is null ? null : YamlScalars.Text(s.Multiple)))))),
            ("extras", Fields(project.ExtraMetadata, 0))));
    }

    /// <summary>config.yaml, or <see langword="null"/> when the charm has no options.</summary>
    public static string? Config(CharmcraftProject project) =>
        project.Metadata.Config.Count == 0 ? null : Render("config.yaml", Obj(
            ("options", Array(project.Metadata.Config.Values.Select(o => Obj(
                ("name", YamlScalars.Key(o.Name)),
                ("type", ConfigValues.TypeName(o.Type)),
                ("default", o.Default is null ? null : YamlScalars.Value(o.Default, 4)),
                ("description", OptionalText(o.Description, 4))))))));

    /// <summary>actions.yaml, or <see langword="null"/> when the charm has no actions.</summary>
    public static string? Actions(CharmcraftProject project)
    {
        if (project.Actions.Count == 0)
        {
            return null;
        }

        string[] special = ["params", "required", "additionalProperties"];
        return Render("actions.yaml", Obj(("actions", Array(project.Actions.Select(a => Obj(
            ("name", YamlScalars.Key(a.Key)),
            ("fields", Fields(a.Value.Where(f => !special.Contains(f.Key)), 2)),
            ("params", Array((a.Value["params"] as JsonObject ?? []).Select(p => Obj(
                ("name", YamlScalars.Key(p.Key)),
                ("fields", Fields(p.Value as JsonObject ?? [], 6)))))),
            ("required", Array(project.Metadata.Actions[a.Key].Required.Select(r => YamlScalars.Text(r)))),
            ("tail", Fields(a.Value.Where(f => f.Key == "additionalProperties"), 2))))))));
    }

    public static string Manifest(CharmBase charmBase, DateTimeOffset startedAt, string version) => Render("manifest.yaml", Obj(
        ("started_at", YamlScalars.Text(startedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture))),
        ("version", YamlScalars.Text(version)),
        ("base_name", YamlScalars.Text(charmBase.Name)),
        ("channel", YamlScalars.Text(charmBase.Channel)),
        ("architecture", YamlScalars.Text(charmBase.Architecture))));

    public static string Dispatch(string binaryName) => Render("dispatch", Obj(("binary", binaryName)));

    private static string? OptionalText(string text, int indent) => text.Length == 0 ? null : YamlScalars.Text(text, indent);

    private static ScriptArray Fields(IEnumerable<KeyValuePair<string, JsonNode?>> fields, int indent) =>
        Array(fields.Select(f => Obj(("key", YamlScalars.Key(f.Key)), ("value", YamlScalars.Value(f.Value, indent)))));

    private static ScriptObject Obj(params (string Key, object? Value)[] members)
    {
        var obj = new ScriptObject();
        foreach (var (key, value) in members)
        {
            obj[key] = value;
        }

        return obj;
    }

    private static ScriptArray Array(IEnumerable<ScriptObject> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }

    private static ScriptArray Array(IEnumerable<string> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }

    private static string Render(string name, ScriptObject model)
    {
        var template = Templates.GetOrAdd(name, Load);
        var context = new TemplateContext { StrictVariables = true, LoopLimit = 100_000 };
        context.PushGlobal(model);
        return template.Render(context);
    }

    private static Template Load(string name)
    {
        var resource = $"Charmarr.Cli.Templates.{name}.sbn";
        using var stream = typeof(CharmFileRenderer).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the tool was built without its template {resource}");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd(), resource);
        return template.HasErrors
            ? throw new InvalidOperationException($"template {resource} does not parse: {string.Join("; ", template.Messages)}")
            : template;
    }
}
