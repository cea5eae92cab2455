using System.Text;

namespace Charmarr.Fuzz;

/// <summary>
/// Text mutations in the style of a dumb fuzzer, tuned to parsers of JSON, YAML, XML and HTTP: splices golden examples,
/// inserts syntax tokens and hostile values (huge numbers, control characters, lone surrogates, NEL, BOM), deletes,
/// duplicates and truncates ranges, and nests. Depth stays bounded (at most a few hundred levels): stack exhaustion is
/// probed separately, in a child process, by <see cref="DeepNesting"/>.
/// </summary>
public static class Mutator
{
    /// <summary>Tokens worth splicing into any of the formats.</summary>
    public static IReadOnlyList<string> CommonTokens { get; } =
    [
        "{", "}", "[", "]", ":", ",", "\"", "'", "\\", "\n", "\r\n", "\t", " ", "-", "- ", ": ", "#", "&a", "*a", "!!str ", "!!binary ",
        "null", "true", "false", "~", "0", "-1", "1e400", "-0", "NaN", "Infinity", "9223372036854775808", "-9223372036854775809",
        "99999999999999999999999999", "4294967296", "2147483648", "0x7f", "1.5", "\u0000", "\u0001", "\u007f", "\u0085", "\u2028",
        "\ufeff", "\ufffe", "\uffff", "\ud800", "\udc00", "\ud83d\ude00", "é", "ä", "\u00a0", "<", ">", "</", "/>", "<!--", "-->",
        "<?xml version=\"1.0\"?>", "<!DOCTYPE x [<!ENTITY e \"e\">]>", "&amp;", "&e;", "&#0;", "&#xD800;", "]]>", "<![CDATA[",
        "---", "...", "|", ">-", "? ", "%YAML 1.1\n", "<<: ", "=", "%", "\\u0000", "\\ud800", "\\uDC00", "\\\"", "\\x", "\"\"", "{}", "[]",
        "99999999999h", "1ns", "0s", "-5s", "2562047h47m16.854775808s", "1.5.5s", "\r", "HTTP/1.1 ", "Content-Length: ", "chunked",
    ];

    /// <summary>Makes one mutated input from <paramref name="seeds"/>.</summary>
    /// <param name="seeds">Golden examples.</param>
    /// <param name="tokens">Tokens to splice in.</param>
    /// <param name="random">The randomness.</param>
    /// <returns>The input.</returns>
    public static string Mutate(IReadOnlyList<string> seeds, IReadOnlyList<string> tokens, Random random)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(random);
        var roll = random.Next(100);
        if (roll < 3)
        {
            return RandomText(random, random.Next(64));
        }

        if (roll < 8)
        {
            return seeds[random.Next(seeds.Count)]; // golden examples themselves must stay accepted
        }

        var text = new StringBuilder(seeds[random.Next(seeds.Count)]);
        var count = 1 + random.Next(random.Next(2) == 0 ? 3 : 8);
        for (var i = 0; i < count; i++)
        {
            MutateOnce(text, seeds, tokens, random);
            if (text.Length > 64 * 1024)
            {
                text.Length = 64 * 1024;
            }
        }

        return text.ToString();
    }

    /// <summary>Text nested <paramref name="depth"/> levels deep in the given brackets.</summary>
    /// <param name="open">The opening text.</param>
    /// <param name="inner">The innermost text.</param>
    /// <param name="close">The closing text.</param>
    /// <param name="depth">How deep.</param>
    /// <returns>The text.</returns>
    public static string DeepNesting(string open, string inner, string close, int depth)
    {
        var builder = new StringBuilder((open.Length + close.Length) * depth + inner.Length);
        builder.Insert(0, open, depth).Append(inner);
        return builder.Insert(builder.Length, close, depth).ToString();
    }

    private static void MutateOnce(StringBuilder text, IReadOnlyList<string> seeds, IReadOnlyList<string> tokens, Random random)
    {
        var at = text.Length == 0 ? 0 : random.Next(text.Length + 1);
        switch (random.Next(11))
        {
            case 0 or 1: // insert a token
                text.Insert(at, tokens[random.Next(tokens.Count)]);
                break;
            case 2: // delete a range
                if (text.Length > 0)
                {
                    var start = Math.Min(at, text.Length - 1);
                    text.Remove(start, 1 + random.Next(Math.Min(32, text.Length - start)));
                }

                break;
            case 3: // replace a character with a random one
                if (text.Length > 0)
                {
                    text[Math.Min(at, text.Length - 1)] = RandomChar(random);
                }

                break;
            case 4: // duplicate a range
                if (text.Length > 0)
                {
                    var start = Math.Min(at, text.Length - 1);
                    var length = 1 + random.Next(Math.Min(64, text.Length - start));
                    var piece = text.ToString(start, length);
                    text.Insert(start, piece, 1 + random.Next(random.Next(2) == 0 ? 2 : 20));
                }

                break;
            case 5: // truncate
                text.Length = at;
                break;
            case 6: // splice in part of another seed
                {
                    var other = seeds[random.Next(seeds.Count)];
                    if (other.Length > 0)
                    {
                        var start = random.Next(other.Length);
                        text.Insert(at, other.AsSpan(start, random.Next(other.Length - start + 1)));
                    }
                }

                break;
            case 7: // change a digit run into a hostile number
                text.Insert(at, random.Next(4) switch
                {
                    0 => "-",
                    1 => "99999999999999999999",
                    2 => random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => "0",
                });
                break;
            case 8: // nest a little
                {
                    var depth = 1 + random.Next(random.Next(8) == 0 ? 300 : 6);
                    var (open, close) = random.Next(4) switch { 0 => ("[", "]"), 1 => ("{\"a\":", "}"), 2 => ("<a>", "</a>"), _ => ("- ", "") };
                    text.Insert(at, DeepNesting(open, string.Empty, close, depth));
                }

                break;
            case 9: // random text
                text.Insert(at, RandomText(random, 1 + random.Next(8)));
                break;
            default: // flip case / whitespace of one char
                if (text.Length > 0)
                {
                    var i = Math.Min(at, text.Length - 1);
                    var c = text[i];
                    text[i] = char.IsUpper(c) ? char.ToLowerInvariant(c) : char.IsLower(c) ? char.ToUpperInvariant(c) : c == ' ' ? '\t' : ' ';
                }

                break;
        }
    }

    private static string RandomText(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = RandomChar(random);
        }

        return new string(chars);
    }

    private static char RandomChar(Random random) => random.Next(8) switch
    {
        0 => (char)random.Next(0x20),
        1 => (char)random.Next(0x10000),
        2 => (char)(0xD800 + random.Next(0x800)),
        _ => (char)(0x20 + random.Next(0x5f)),
    };
}
