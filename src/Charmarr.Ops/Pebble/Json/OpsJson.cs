using System.Globalization;
using System.Text;

namespace Charmarr.Ops.Pebble;

/// <summary>
/// Writes request bodies byte for byte as ops does (Python's <c>json.dumps</c> defaults): <c>", "</c> and <c>": "</c>
/// separators, keys in the order given, and every non-ASCII character escaped as <c>\uXXXX</c> (lower-case hex,
/// UTF-16 code units), so a recorded ops request and ours are the same bytes.
/// </summary>
internal sealed class OpsJson
{
    private readonly StringBuilder text = new();
    private readonly Stack<bool> containerHasItems = new();
    private bool valueOfKey;

    /// <summary>The JSON written so far.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => text.ToString();

    /// <summary>Starts an object (as a value, or the top level).</summary>
    /// <returns>This writer.</returns>
    public OpsJson BeginObject() => Open('{');

    /// <summary>Ends the current object.</summary>
    /// <returns>This writer.</returns>
    public OpsJson EndObject() => Close('}');

    /// <summary>Starts an array.</summary>
    /// <returns>This writer.</returns>
    public OpsJson BeginArray() => Open('[');

    /// <summary>Ends the current array.</summary>
    /// <returns>This writer.</returns>
    public OpsJson EndArray() => Close(']');

    /// <summary>Writes a key of the current object; its value follows.</summary>
    /// <param name="key">The key.</param>
    /// <returns>This writer.</returns>
    public OpsJson Key(string key)
    {
        BeforeValue();
        AppendString(key);
        text.Append(": ");
        valueOfKey = true;
        return this;
    }

    /// <summary>Writes a string, or null.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This writer.</returns>
    public OpsJson String(string? value)
    {
        BeforeValue();
        if (value is null)
        {
            text.Append("null");
        }
        else
        {
            AppendString(value);
        }

        return this;
    }

    /// <summary>Writes a whole number, or null.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This writer.</returns>
    public OpsJson Number(long? value)
    {
        BeforeValue();
        text.Append(value is null ? "null" : value.Value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Writes true or false.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This writer.</returns>
    public OpsJson Bool(bool value)
    {
        BeforeValue();
        text.Append(value ? "true" : "false");
        return this;
    }

    /// <summary>Writes an array of strings.</summary>
    /// <param name="values">The values.</param>
    /// <returns>This writer.</returns>
    public OpsJson Strings(IEnumerable<string> values)
    {
        BeginArray();
        foreach (var value in values)
        {
            String(value);
        }

        return EndArray();
    }

    /// <summary>Writes an object of strings, keys in the order given.</summary>
    /// <param name="values">The entries.</param>
    /// <returns>This writer.</returns>
    public OpsJson StringMap(IEnumerable<KeyValuePair<string, string>> values)
    {
        BeginObject();
        foreach (var (key, value) in values)
        {
            Key(key).String(value);
        }

        return EndObject();
    }

    private OpsJson Open(char bracket)
    {
        BeforeValue();
        text.Append(bracket);
        containerHasItems.Push(false);
        return this;
    }

    private OpsJson Close(char bracket)
    {
        containerHasItems.Pop();
        text.Append(bracket);
        return this;
    }

    private void BeforeValue()
    {
        if (valueOfKey)
        {
            valueOfKey = false;
            return;
        }

        if (containerHasItems.Count == 0)
        {
            return;
        }

        if (containerHasItems.Pop())
        {
            text.Append(", ");
        }

        containerHasItems.Push(true);
    }

    private void AppendString(string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                default:
                    if (c < 0x20 || c > 0x7E)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
