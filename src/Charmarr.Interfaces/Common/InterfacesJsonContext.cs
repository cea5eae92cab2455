using System.Text.Json.Serialization;
using Charmarr.Interfaces.IstioIngressRoute;
using Charmarr.Interfaces.MediaManager;
using Charmarr.Interfaces.MediaServer;
using Charmarr.Interfaces.MediaStorage;

namespace Charmarr.Interfaces.Common;

/// <summary>
/// Source-generated JSON metadata for every record on the wire. The converters live here, not on the public types, so a
/// charm's own JSON context can serialise those types without reaching our internal converters. The options mirror
/// pydantic: snake_case names, enums as their exact Python strings,
/// nulls written, nullable annotations and required members enforced on reading, numbers in strings read as numbers
/// (pydantic's lax mode), and no null inside a list. <see cref="WireJson"/> adds the escaping.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters =
    [
        typeof(HttpRouteFilterConverter),
        typeof(PathModifierConverter),
        typeof(LowerCaseEnumConverter<MediaManagerKind>),
        typeof(LowerCaseEnumConverter<MediaServerKind>),
        typeof(LowerCaseEnumConverter<RequestManagerKind>),
        typeof(ContentVariantConverter),
        typeof(LowerCaseEnumConverter<MediaIndexerKind>),
        typeof(LowerCaseEnumConverter<DownloadClientKind>),
        typeof(LowerCaseEnumConverter<DownloadClientType>),
        typeof(UpperCaseEnumConverter<IngressProtocol>),
        typeof(UpperCaseEnumConverter<HttpRouteMethod>),
        typeof(NameEnumConverter<HttpPathMatchType>),
        typeof(NameEnumConverter<PathModifierType>),
        typeof(NonNullListConverter<string>),
        typeof(NonNullListConverter<QualityProfile>),
        typeof(NonNullListConverter<Listener>),
        typeof(NonNullListConverter<BackendRef>),
        typeof(NonNullListConverter<HttpRoute>),
        typeof(NonNullListConverter<GrpcRoute>),
        typeof(NonNullListConverter<HttpRouteMatch>),
        typeof(NonNullListConverter<GrpcRouteMatch>),
        typeof(NonNullListConverter<HttpRouteFilter>),
        typeof(NonNullListConverter<RequestRedirectFilter>),
    ])]
[JsonSerializable(typeof(MediaStorageProviderData))]
[JsonSerializable(typeof(MediaStorageRequirerData))]
[JsonSerializable(typeof(MediaServerProviderData))]
[JsonSerializable(typeof(MediaManagerProviderData))]
[JsonSerializable(typeof(MediaManagerRequirerData))]
[JsonSerializable(typeof(QualityProfile))]
[JsonSerializable(typeof(IstioIngressRouteConfig))]
[JsonSerializable(typeof(Listener))]
[JsonSerializable(typeof(BackendRef))]
[JsonSerializable(typeof(HttpRoute))]
[JsonSerializable(typeof(GrpcRoute))]
[JsonSerializable(typeof(HttpRouteMatch))]
[JsonSerializable(typeof(GrpcRouteMatch))]
[JsonSerializable(typeof(HttpRouteFilter))]
[JsonSerializable(typeof(UrlRewriteFilter))]
[JsonSerializable(typeof(RequestRedirectFilter))]
[JsonSerializable(typeof(PathModifier))]
[JsonSerializable(typeof(PathModifierType))]
[JsonSerializable(typeof(IngressProtocol))]
[JsonSerializable(typeof(HttpRouteMethod))]
[JsonSerializable(typeof(HttpPathMatchType))]
[JsonSerializable(typeof(MediaManagerKind))]
[JsonSerializable(typeof(MediaServerKind))]
[JsonSerializable(typeof(RequestManagerKind))]
[JsonSerializable(typeof(ContentVariant))]
[JsonSerializable(typeof(MediaIndexerKind))]
[JsonSerializable(typeof(DownloadClientKind))]
[JsonSerializable(typeof(DownloadClientType))]
[JsonSerializable(typeof(string))]
internal sealed partial class InterfacesJsonContext : JsonSerializerContext;
