using System.Text.Json.Nodes;
using Charmarr.Ops.FakeJuju.Cli;
using Charmarr.Ops.Testing.Juju.HookTools;
using Charmarr.Ops.FakeJuju.Tools;

namespace Charmarr.Ops.FakeJuju.Output;

/// The `--format` and `-o/--output` flags of juju/cmd, and the smart/yaml/json formatters.
internal sealed class OutputOptions
{
    private readonly string[] _formats;
    private string _format;
    private string? _file;

    public OutputOptions(FlagSet flags, string defaultFormat = "smart", params string[] formats)
    {
        _formats = formats.Length == 0 ? ["smart", "yaml", "json"] : formats;
        _format = defaultFormat;
        flags.String(v => _format = _formats.Contains(v) ? v : throw new FlagValueException($"unknown format {HookToolException.GoQuote(v)}"), "format");
        flags.String(v => _file = v, "o", "output");
    }

    public string FormatName => _format;

    public void Write(ToolContext context, JsonNode? value)
    {
        var text = Format(value);
        if (text.Length > 0 && text[^1] != '\n')
        {
            text += "\n";
        }
        if (_file is null)
        {
            context.Stdout.Append(text);
        }
        else
        {
            File.WriteAllText(context.ResolvePath(_file), text);
        }
    }

    private string Format(JsonNode? value) => _format switch
    {
        "json" => JujuJson.Serialize(value),
        "yaml" => YamlText.Serialize(value),
        _ => Smart(value),
    };

    private static string Smart(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.True => "True",
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.False => "False",
        JsonArray a when a.All(i => i is JsonValue iv && iv.GetValueKind() == System.Text.Json.JsonValueKind.String) =>
            string.Join("\n", a.Select(i => i!.GetValue<string>())),
        _ => YamlText.Serialize(value),
    };
}
