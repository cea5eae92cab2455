using System.Text;

namespace Charmarr.Ops.Testing.Pebble.Layers;

/// <summary>Splits a command line into words the way Pebble's shlex does (POSIX quoting, no shell).</summary>
internal static class ShellWords
{
    public static bool TrySplit(string text, out List<string> words, out string error)
    {
        words = [];
        error = "";
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    break;
                case '\\':
                    if (++i >= text.Length)
                    {
                        error = "EOF found after escape character";
                        return false;
                    }

                    word.Append(text[i]);
                    inWord = true;
                    break;
                case '\'':
                    var close = text.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        error = "EOF found when expecting closing quote";
                        return false;
                    }

                    word.Append(text, i + 1, close - i - 1);
                    i = close;
                    inWord = true;
                    break;
                case '"':
                    if (!ReadDoubleQuoted(text, ref i, word))
                    {
                        error = "EOF found when expecting closing quote";
                        return false;
                    }

                    inWord = true;
                    break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return true;
    }

    private static bool ReadDoubleQuoted(string text, ref int i, StringBuilder word)
    {
        for (i++; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return true;
            }

            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`')
            {
                c = text[++i];
            }

            word.Append(c);
        }

        return false;
    }

    /// <summary>Checks a service command: shlex-splittable, with at most one trailing <c>[ default args ]</c> group.</summary>
    public static string? CommandError(string serviceName, string command)
    {
        string? problem = null;
        if (!TrySplit(command, out var words, out var splitError))
        {
            problem = splitError;
        }
        else
        {
            problem = BracketError(words);
        }

        return problem is null ? null : $"cannot parse service {Json.GoText.Quote(serviceName)} command: {problem}";
    }

    private static string? BracketError(List<string> words)
    {
        bool inBrackets = false, gotBrackets = false;
        for (var index = 0; index < words.Count; index++)
        {
            var word = words[index];
            if (inBrackets)
            {
                if (word == "[")
                {
                    return "cannot nest [ ... ] groups";
                }

                inBrackets = word != "]";
                continue;
            }

            if (gotBrackets)
            {
                return "cannot have any arguments after [ ... ] group";
            }

            if (word == "[")
            {
                if (index == 0)
                {
                    return "cannot start command with [ ... ] group";
                }

                inBrackets = gotBrackets = true;
            }
            else if (word == "]")
            {
                return "cannot have ] outside of [ ... ] group";
            }
        }

        return null;
    }
}
