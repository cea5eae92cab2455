using System.Text;
using System.Text.RegularExpressions;

namespace Charmarr.PlexK8s.Workload;

/// <summary>
/// How Preferences.xml's bytes become text and back, as XML says (a byte-order mark first, else the declaration's
/// <c>encoding</c>, else UTF-8): the mark's bytes and the encoding are kept, so a file written back is encoded as it was.
/// </summary>
internal sealed partial class PreferencesEncoding
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly bool CodePagesRegistered = RegisterCodePages();

    private PreferencesEncoding(Encoding encoding, byte[] preamble)
    {
        Encoding = encoding;
        Preamble = preamble;
    }

    /// <summary>UTF-8 without a byte-order mark: text given as a string.</summary>
    public static PreferencesEncoding Utf8 { get; } = new(StrictUtf8, []);

    /// <summary>UTF-8 with a byte-order mark.</summary>
    public static PreferencesEncoding Utf8WithBom { get; } = new(StrictUtf8, Utf8Bom);

    /// <summary>The encoding of the text (decoding refuses invalid bytes).</summary>
    public Encoding Encoding { get; }

    /// <summary>The byte-order mark the file started with, if any.</summary>
    public byte[] Preamble { get; }

    /// <summary>Decodes a file.</summary>
    /// <param name="bytes">The file.</param>
    /// <param name="text">Its text, without the byte-order mark.</param>
    /// <returns>How it was encoded.</returns>
    /// <exception cref="PreferencesFormatException">The encoding is unknown, or the bytes are not valid in it.</exception>
    public static PreferencesEncoding Decode(ReadOnlySpan<byte> bytes, out string text)
    {
        var (encoding, preamble) = Detect(bytes);
        try
        {
            text = encoding.GetString(bytes[preamble.Length..]);
        }
        catch (DecoderFallbackException)
        {
            throw new PreferencesFormatException(
                $"Preferences.xml is not valid {encoding.WebName} text; the charm leaves it untouched. Fix or remove it and restart Plex.");
        }

        return new PreferencesEncoding(encoding, preamble);
    }

    /// <summary>Encodes text as the file was: the same byte-order mark and encoding.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The bytes.</returns>
    public byte[] Encode(string text)
    {
        var body = Encoding.GetBytes(text);
        return [.. Preamble, .. body];
    }

    /// <summary>Whether the encoding can hold <paramref name="c"/> as itself (else it is written as a character reference).</summary>
    /// <param name="c">The character.</param>
    /// <returns>Whether to write it as is.</returns>
    public bool CanWrite(char c) => c < 0x80 || Encoding.CodePage is 65001 or 1200 or 1201;

    private static (Encoding Encoding, byte[] Preamble) Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Utf8Bom))
        {
            return (StrictUtf8, Utf8Bom);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), [0xFF, 0xFE]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), [0xFE, 0xFF]);
        }

        // No mark: the declaration (ASCII in every encoding the charm can meet) names the encoding.
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 256)]);
        if (Declared().Match(head) is { Success: true } match)
        {
            var name = match.Groups["name"].Value;
            try
            {
                _ = CodePagesRegistered;
                var declared = Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                return (declared.CodePage == 65001 ? StrictUtf8 : declared, []);
            }
            catch (ArgumentException)
            {
                throw new PreferencesFormatException(
                    $"Preferences.xml declares the encoding '{name}', which the charm does not know; the charm leaves it untouched. Fix or remove it and restart Plex.");
            }
        }

        return (StrictUtf8, []);
    }

    // windows-1252 and the other code pages a hand-edited file may declare.
    private static bool RegisterCodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    }

    [GeneratedRegex("""^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*["'][^"']*["'][ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*["'](?<name>[A-Za-z][A-Za-z0-9._-]{0,39})["']""", RegexOptions.CultureInvariant)]
    private static partial Regex Declared();
}
