using System.Globalization;
using System.Text;

namespace Charmarr.PlexK8s.Workload;

/// <summary>
/// Edits attributes in one element's start tag of an XML text, leaving every other character as it was: a changed
/// attribute's value is replaced between its own quotes; a new attribute is appended after the last one.
/// </summary>
internal static class StartTagEditor
{
    /// <summary>The text with <paramref name="values"/> set on the start tag at <paramref name="tagStart"/>.</summary>
    /// <param name="text">A well-formed XML document.</param>
    /// <param name="tagStart">The index of the start tag's '&lt;'.</param>
    /// <param name="values">The attributes to set, by name.</param>
    /// <param name="encoding">The file's encoding: characters it cannot hold are written as character references.</param>
    /// <returns>The edited text.</returns>
    public static string Apply(string text, int tagStart, IReadOnlyDictionary<string, string> values, PreferencesEncoding encoding)
    {
        var (spans, end) = Scan(text, tagStart);
        var edits = new List<(int Start, int Length, string Replacement)>();
        var appended = new StringBuilder();
        foreach (var (name, value) in values)
        {
            if (spans.TryGetValue(name, out var span))
            {
                edits.Add((span.Start, span.Length, Escape(value, span.Quote, encoding)));
            }
            else
            {
                appended.Append(' ').Append(name).Append("=\"").Append(Escape(value, '"', encoding)).Append('"');
            }
        }

        if (appended.Length > 0)
        {
            edits.Add((end, 0, appended.ToString()));
        }

        var builder = new StringBuilder(text);
        foreach (var (start, length, replacement) in edits.OrderByDescending(e => e.Start))
        {
            builder.Remove(start, length).Insert(start, replacement);
        }

        return builder.ToString();
    }

    /// <summary>The value spans of the tag's attributes and the index just after its last attribute (or its name).</summary>
    private static (Dictionary<string, (int Start, int Length, char Quote)> Spans, int End) Scan(string text, int tagStart)
    {
        var spans = new Dictionary<string, (int Start, int Length, char Quote)>(StringComparer.Ordinal);
        var i = tagStart + 1;
        i = SkipName(text, i);
        var end = i;
        while (true)
        {
            i = SkipSpace(text, i);
            if (i >= text.Length || text[i] is '>' or '/')
            {
                return (spans, end);
            }

            var nameStart = i;
            i = SkipName(text, i);
            var name = text[nameStart..i];
            i = SkipSpace(text, i);
            Expect(text, i++, '=');
            i = SkipSpace(text, i);
            var quote = i < text.Length ? text[i] : '\0';
            if (quote is not ('"' or '\''))
            {
                throw Malformed();
            }

            var close = text.IndexOf(quote, i + 1);
            if (close < 0)
            {
                throw Malformed();
            }

            spans[name] = (i + 1, close - i - 1, quote);
            i = close + 1;
            end = i;
        }
    }

    private static int SkipName(string text, int i)
    {
        var start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('=' or '>' or '/'))
        {
            i++;
        }

        return i > start ? i : throw Malformed();
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or '\r' or '\n')
        {
            i++;
        }

        return i;
    }

    private static void Expect(string text, int i, char c)
    {
        if (i >= text.Length || text[i] != c)
        {
            throw Malformed();
        }
    }

    private static PreferencesFormatException Malformed() =>
        new("Preferences.xml's root element could not be edited; the charm leaves it untouched.");

    /// <summary>An attribute value as XML needs it inside <paramref name="quote"/>: markup, the quote and whitespace other
    /// than spaces (which a parser would normalise) as references, and characters the encoding lacks as references.</summary>
    private static string Escape(string value, char quote, PreferencesEncoding encoding)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' when quote == '"' => builder.Append("&quot;"),
                '\'' when quote == '\'' => builder.Append("&apos;"),
                _ when char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) && !encoding.CanWrite(c) =>
                    builder.Append(CultureInfo.InvariantCulture, $"&#x{char.ConvertToUtf32(c, value[++i]):X};"),
                _ when c < 0x20 || !encoding.CanWrite(c) => builder.Append(CultureInfo.InvariantCulture, $"&#x{(int)c:X};"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
