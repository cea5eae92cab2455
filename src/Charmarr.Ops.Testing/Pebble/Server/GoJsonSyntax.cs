using System.Globalization;

namespace Charmarr.Ops.Testing.Pebble.Server;

/// <summary>
/// The syntax error Go's <c>json.Decoder</c> reports for a body, with its scanner's wording (<c>invalid character 'b'
/// looking for beginning of object key string</c>, <c>unexpected EOF</c>): the first value is scanned as Go's
/// <c>encoding/json</c> scanner does, and anything after it is ignored, as <c>Decode</c> ignores it.
/// </summary>
internal static class GoJsonSyntax
{
    private enum Step
    {
        BeginValue,
        BeginValueOrEmpty,
        BeginStringOrEmpty,
        BeginString,
        EndValue,
        InString,
        InStringEscape,
        InStringHex,
        Negative,
        One,
        Zero,
        Dot,
        DotDigits,
        Exponent,
        ExponentSign,
        ExponentDigits,
        Literal,
    }

    private enum Container
    {
        ObjectKey,
        ObjectValue,
        ArrayValue,
    }

    /// <summary>The error for the body, or null when its first value is well formed.</summary>
    /// <param name="bytes">The body.</param>
    /// <returns>Go's error text.</returns>
    public static string? Error(ReadOnlySpan<byte> bytes)
    {
        var stack = new Stack<Container>();
        var step = Step.BeginValue;
        var hex = 0;
        string literal = "";
        var literalAt = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var c = bytes[i];
        again:
            switch (step)
            {
                case Step.BeginValueOrEmpty:
                    if (IsSpace(c))
                    {
                        continue;
                    }

                    if (c == ']')
                    {
                        step = Step.EndValue;
                        goto again;
                    }

                    step = Step.BeginValue;
                    goto again;
                case Step.BeginValue:
                    if (IsSpace(c))
                    {
                        continue;
                    }

                    switch (c)
                    {
                        case (byte)'{':
                            stack.Push(Container.ObjectKey);
                            step = Step.BeginStringOrEmpty;
                            continue;
                        case (byte)'[':
                            stack.Push(Container.ArrayValue);
                            step = Step.BeginValueOrEmpty;
                            continue;
                        case (byte)'"':
                            step = Step.InString;
                            continue;
                        case (byte)'-':
                            step = Step.Negative;
                            continue;
                        case (byte)'0':
                            step = Step.Zero;
                            continue;
                        case (byte)'t':
                            (step, literal, literalAt) = (Step.Literal, "true", 1);
                            continue;
                        case (byte)'f':
                            (step, literal, literalAt) = (Step.Literal, "false", 1);
                            continue;
                        case (byte)'n':
                            (step, literal, literalAt) = (Step.Literal, "null", 1);
                            continue;
                    }

                    if (c is >= (byte)'1' and <= (byte)'9')
                    {
                        step = Step.One;
                        continue;
                    }

                    return Invalid(c, "looking for beginning of value");
                case Step.BeginStringOrEmpty:
                    if (IsSpace(c))
                    {
                        continue;
                    }

                    if (c == '}')
                    {
                        stack.Pop();
                        stack.Push(Container.ObjectValue);
                        step = Step.EndValue;
                        goto again;
                    }

                    step = Step.BeginString;
                    goto again;
                case Step.BeginString:
                    if (IsSpace(c))
                    {
                        continue;
                    }

                    if (c == '"')
                    {
                        step = Step.InString;
                        continue;
                    }

                    return Invalid(c, "looking for beginning of object key string");
                case Step.EndValue:
                    if (stack.Count == 0)
                    {
                        return null;
                    }

                    if (IsSpace(c))
                    {
                        continue;
                    }

                    switch (stack.Peek())
                    {
                        case Container.ObjectKey:
                            if (c == ':')
                            {
                                stack.Pop();
                                stack.Push(Container.ObjectValue);
                                step = Step.BeginValue;
                                continue;
                            }

                            return Invalid(c, "after object key");
                        case Container.ObjectValue:
                            if (c == ',')
                            {
                                stack.Pop();
                                stack.Push(Container.ObjectKey);
                                step = Step.BeginString;
                                continue;
                            }

                            if (c == '}')
                            {
                                stack.Pop();
                                step = Step.EndValue;
                                if (stack.Count == 0)
                                {
                                    return null;
                                }

                                continue;
                            }

                            return Invalid(c, "after object key:value pair");
                        default:
                            if (c == ',')
                            {
                                step = Step.BeginValue;
                                continue;
                            }

                            if (c == ']')
                            {
                                stack.Pop();
                                step = Step.EndValue;
                                if (stack.Count == 0)
                                {
                                    return null;
                                }

                                continue;
                            }

                            return Invalid(c, "after array element");
                    }

                case Step.InString:
                    if (c == '"')
                    {
                        step = Step.EndValue;
                        if (stack.Count == 0)
                        {
                            return null;
                        }

                        continue;
                    }

                    if (c == '\\')
                    {
                        step = Step.InStringEscape;
                        continue;
                    }

                    if (c < 0x20)
                    {
                        return Invalid(c, "in string literal");
                    }

                    continue;
                case Step.InStringEscape:
                    if (c is (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t' or (byte)'\\' or (byte)'/' or (byte)'"')
                    {
                        step = Step.InString;
                        continue;
                    }

                    if (c == 'u')
                    {
                        (step, hex) = (Step.InStringHex, 0);
                        continue;
                    }

                    return Invalid(c, "in string escape code");
                case Step.InStringHex:
                    if (!char.IsAsciiHexDigit((char)c))
                    {
                        return Invalid(c, "in \\u hexadecimal character escape");
                    }

                    if (++hex == 4)
                    {
                        step = Step.InString;
                    }

                    continue;
                case Step.Negative:
                    if (c == '0')
                    {
                        step = Step.Zero;
                        continue;
                    }

                    if (c is >= (byte)'1' and <= (byte)'9')
                    {
                        step = Step.One;
                        continue;
                    }

                    return Invalid(c, "in numeric literal");
                case Step.One:
                    if (char.IsAsciiDigit((char)c))
                    {
                        continue;
                    }

                    step = Step.Zero;
                    goto again;
                case Step.Zero:
                    if (c == '.')
                    {
                        step = Step.Dot;
                        continue;
                    }

                    if (c is (byte)'e' or (byte)'E')
                    {
                        step = Step.Exponent;
                        continue;
                    }

                    step = Step.EndValue;
                    if (stack.Count == 0)
                    {
                        return null;
                    }

                    goto again;
                case Step.Dot:
                    if (char.IsAsciiDigit((char)c))
                    {
                        step = Step.DotDigits;
                        continue;
                    }

                    return Invalid(c, "after decimal point in numeric literal");
                case Step.DotDigits:
                    if (char.IsAsciiDigit((char)c))
                    {
                        continue;
                    }

                    if (c is (byte)'e' or (byte)'E')
                    {
                        step = Step.Exponent;
                        continue;
                    }

                    step = Step.EndValue;
                    if (stack.Count == 0)
                    {
                        return null;
                    }

                    goto again;
                case Step.Exponent:
                    if (c is (byte)'+' or (byte)'-')
                    {
                        step = Step.ExponentSign;
                        continue;
                    }

                    step = Step.ExponentSign;
                    goto again;
                case Step.ExponentSign:
                    if (char.IsAsciiDigit((char)c))
                    {
                        step = Step.ExponentDigits;
                        continue;
                    }

                    return Invalid(c, "in exponent of numeric literal");
                case Step.ExponentDigits:
                    if (char.IsAsciiDigit((char)c))
                    {
                        continue;
                    }

                    step = Step.EndValue;
                    if (stack.Count == 0)
                    {
                        return null;
                    }

                    goto again;
                default:
                    if (c != literal[literalAt])
                    {
                        return Invalid(c, string.Create(CultureInfo.InvariantCulture, $"in literal {literal} (expecting '{literal[literalAt]}')"));
                    }

                    if (++literalAt == literal.Length)
                    {
                        step = Step.EndValue;
                        if (stack.Count == 0)
                        {
                            return null;
                        }
                    }

                    continue;
            }
        }

        // A top-level number is complete at the end of the input; anything else left open is cut short.
        return stack.Count == 0 && step is Step.EndValue or Step.One or Step.Zero or Step.DotDigits or Step.ExponentDigits ? null : "unexpected EOF";
    }

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    // Go's quoteChar: strconv.Quote of the character, with single quotes.
    private static string Invalid(byte c, string context)
    {
        var quoted = c switch
        {
            (byte)'\'' => "'\\''",
            (byte)'"' => "'\"'",
            _ => "'" + GoQuoteBody((char)c) + "'",
        };
        return $"invalid character {quoted} {context}";
    }

    private static string GoQuoteBody(char c) => c switch
    {
        '\a' => "\\a",
        '\b' => "\\b",
        '\f' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\v' => "\\v",
        '\\' => "\\\\",
        < ' ' or '\x7f' => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
        _ => c.ToString(),
    };
}
