using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Charmarr.Interfaces.IstioIngressRoute;

/// <summary>
/// <see cref="HttpRouteFilter"/> on the wire: written as the concrete filter; read as whichever filter the object's key
/// names (<c>urlRewrite</c> first, then <c>requestRedirect</c>, like pydantic's union of the two models).
/// </summary>
internal sealed class HttpRouteFilterConverter : JsonConverter<HttpRouteFilter>
{
    /// <inheritdoc />
    public override HttpRouteFilter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        HttpRouteFilter? filter = root.ValueKind != JsonValueKind.Object ? null
            : root.TryGetProperty("urlRewrite", out _) ? root.Deserialize(Info<UrlRewriteFilter>(options))
            : root.TryGetProperty("requestRedirect", out _) ? root.Deserialize(Info<RequestRedirectFilter>(options))
            : null;
        return filter ?? throw new JsonException("a filter must be an object with urlRewrite or requestRedirect");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, HttpRouteFilter value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case UrlRewriteFilter rewrite:
                JsonSerializer.Serialize(writer, rewrite, Info<UrlRewriteFilter>(options));
                break;
            case RequestRedirectFilter redirect:
                JsonSerializer.Serialize(writer, redirect, Info<RequestRedirectFilter>(options));
                break;
            default:
                throw new JsonException($"unknown filter type {value?.GetType().Name}");
        }
    }

    internal static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}

/// <summary>
/// <see cref="PathModifier"/> on the wire, as the Python model's serializer and before-validator do: written as
/// <c>{"type":T,"replaceFullPath"|"replacePrefixMatch":V}</c>; read from that shape (the type defaulting to the key's
/// own) or from <c>{"type":T,"value":V}</c>.
/// </summary>
internal sealed class PathModifierConverter : JsonConverter<PathModifier>
{
    private const string FullPath = "replaceFullPath";
    private const string PrefixMatch = "replacePrefixMatch";

    /// <inheritdoc />
    public override PathModifier Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("a path modifier must be an object");
        }

        var type = root.TryGetProperty("type", out var typeElement)
            ? typeElement.Deserialize(HttpRouteFilterConverter.Info<PathModifierType>(options))
            : (PathModifierType?)null;
        var (value, implied) = root.TryGetProperty(PrefixMatch, out var prefix) ? (prefix, PathModifierType.ReplacePrefixMatch)
            : root.TryGetProperty(FullPath, out var full) ? (full, PathModifierType.ReplaceFullPath)
            : root.TryGetProperty("value", out var plain) && type is not null ? (plain, type.Value)
            : throw new JsonException($"a path modifier needs {PrefixMatch}, {FullPath}, or type and value");
        return value.ValueKind == JsonValueKind.String
            ? new PathModifier(type ?? implied, value.GetString()!)
            : throw new JsonException("a path modifier's value must be a string");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, PathModifier value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WritePropertyName("type");
        JsonSerializer.Serialize(writer, value.Type, HttpRouteFilterConverter.Info<PathModifierType>(options));
        writer.WriteString(value.Type == PathModifierType.ReplaceFullPath ? FullPath : PrefixMatch, value.Value);
        writer.WriteEndObject();
    }
}
