using System.Globalization;
using System.Text.Encodings.Web;

namespace Charmarr.Interfaces.Common;

/// <summary>
/// Escapes strings exactly as pydantic's <c>model_dump_json()</c> does, so our JSON is byte-identical to the Python charms':
/// only <c>"</c>, <c>\</c> and control characters below U+0020 are escaped (<c>\b \t \n \f \r</c> short forms, the rest as
/// <c>\u00xx</c> with lower-case hex). Everything else, non-ASCII included, is written as raw UTF-8; unlike
/// System.Text.Json's encoders, <c>+ &lt; &gt; &amp; '</c> and characters outside the Basic Multilingual Plane are not escaped.
/// </summary>
internal sealed class PydanticJsonEncoder : JavaScriptEncoder
{
    private PydanticJsonEncoder()
    {
    }

    /// <summary>The one instance.</summary>
    public static PydanticJsonEncoder Instance { get; } = new();

    /// <inheritdoc />
    public override int MaxOutputCharactersPerInputCharacter => 6;

    /// <inheritdoc />
    public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\';

    /// <inheritdoc />
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        for (var i = 0; i < span.Length; i++)
        {
            if (WillEncode(span[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        // Every character this encoder escapes is ASCII, and no byte of a multi-byte UTF-8 sequence is below 0x80.
        for (var i = 0; i < utf8Text.Length; i++)
        {
            if (WillEncode(utf8Text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var text = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\b' => "\\b",
            '\t' => "\\t",
            '\n' => "\\n",
            '\f' => "\\f",
            '\r' => "\\r",
            < 0x20 => string.Create(CultureInfo.InvariantCulture, $"\\u{unicodeScalar:x4}"),
            _ => char.ConvertFromUtf32(unicodeScalar),
        };
        if (text.Length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        text.AsSpan().CopyTo(new Span<char>(buffer, bufferLength));
        numberOfCharactersWritten = text.Length;
        return true;
    }
}
