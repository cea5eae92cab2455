namespace Charmarr.Ops.Testing.Pebble.Files;

/// <summary>Go's <c>path.Match</c>: <c>*</c>, <c>?</c>, <c>[a-z]</c>, <c>[^x]</c> and <c>\</c> escapes, never crossing <c>/</c>.</summary>
internal static class GlobPattern
{
    /// <summary>Matches <paramref name="name"/>; throws <see cref="FormatException"/> for a malformed pattern.</summary>
    public static bool IsMatch(string pattern, string name) => Match(pattern, 0, name, 0);

    private static bool Match(string pattern, int p, string name, int n)
    {
        while (p < pattern.Length)
        {
            switch (pattern[p])
            {
                case '*':
                    for (var rest = n; rest <= name.Length; rest++)
                    {
                        if (Match(pattern, p + 1, name, rest))
                        {
                            return true;
                        }

                        if (rest < name.Length && name[rest] == '/')
                        {
                            break;
                        }
                    }

                    ValidateRest(pattern, p + 1);
                    return false;
                case '?':
                    if (n >= name.Length || name[n] == '/')
                    {
                        ValidateRest(pattern, p + 1);
                        return false;
                    }

                    p++;
                    n++;
                    break;
                case '[':
                    var (matched, next) = MatchClass(pattern, p, n < name.Length ? name[n] : (char?)null);
                    if (!matched || n >= name.Length)
                    {
                        ValidateRest(pattern, next);
                        return false;
                    }

                    p = next;
                    n++;
                    break;
                case '\\':
                    if (p + 1 >= pattern.Length)
                    {
                        throw BadPattern();
                    }

                    if (n >= name.Length || name[n] != pattern[p + 1])
                    {
                        ValidateRest(pattern, p + 2);
                        return false;
                    }

                    p += 2;
                    n++;
                    break;
                default:
                    if (n >= name.Length || name[n] != pattern[p])
                    {
                        ValidateRest(pattern, p + 1);
                        return false;
                    }

                    p++;
                    n++;
                    break;
            }
        }

        return n == name.Length;
    }

    private static (bool Matched, int Next) MatchClass(string pattern, int p, char? c)
    {
        p++;
        var negate = p < pattern.Length && pattern[p] == '^';
        if (negate)
        {
            p++;
        }

        var matched = false;
        var first = true;
        while (true)
        {
            if (p >= pattern.Length)
            {
                throw BadPattern();
            }

            if (pattern[p] == ']' && !first)
            {
                p++;
                break;
            }

            first = false;
            var low = ClassChar(pattern, ref p);
            var high = low;
            if (p < pattern.Length && pattern[p] == '-')
            {
                p++;
                high = ClassChar(pattern, ref p);
            }

            if (c is { } ch && low <= ch && ch <= high)
            {
                matched = true;
            }
        }

        return (matched != negate && c is not null and not '/', p);
    }

    private static char ClassChar(string pattern, ref int p)
    {
        if (p >= pattern.Length || pattern[p] is '-' or ']')
        {
            throw BadPattern();
        }

        if (pattern[p] == '\\')
        {
            p++;
            if (p >= pattern.Length)
            {
                throw BadPattern();
            }
        }

        return pattern[p++];
    }

    // Go reports a malformed pattern even when matching already failed earlier.
    private static void ValidateRest(string pattern, int p)
    {
        for (; p < pattern.Length; p++)
        {
            if (pattern[p] == '\\')
            {
                if (++p >= pattern.Length)
                {
                    throw BadPattern();
                }
            }
            else if (pattern[p] == '[')
            {
                p = MatchClass(pattern, p, null).Next - 1;
            }
        }
    }

    private static FormatException BadPattern() => new("syntax error in pattern");
}
