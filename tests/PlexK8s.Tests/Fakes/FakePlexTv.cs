using Charmarr.Ops.Testing.Http;

namespace Charmarr.PlexK8s.Tests.Fakes;

/// <summary>plex.tv's claim exchange on an <see cref="HttpFake"/>: a claim token it was told about is exchanged once for an auth token.</summary>
internal static class FakePlexTv
{
    public const string AuthToken = "auth-TOKEN-abc123XYZ";

    public const string ExchangePath = "/api/claim/exchange";

    /// <summary>plex.tv's answer to a good exchange (trimmed): the user with its authentication-token element.</summary>
    public static string UserXml(string authToken) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><user email="me@example.com" id="42" username="me" authenticationToken="{authToken}"><authentication-token>{authToken}</authentication-token></user>""";

    /// <summary>Scripts <paramref name="plexTv"/> to exchange <paramref name="claimToken"/> once; any other or a reused token gets 404, as plex.tv does.</summary>
    public static void Exchanging(this HttpFake plexTv, string claimToken, string authToken = AuthToken)
    {
        var used = 0;
        plexTv.Answer("POST", ExchangePath, request =>
            request.QueryValue("token") == claimToken
            && !string.IsNullOrEmpty(request.Header("X-Plex-Client-Identifier"))
            && Interlocked.Exchange(ref used, 1) == 0
                ? HttpFakeResponse.Xml(200, UserXml(authToken))
                : HttpFakeResponse.Empty(404));
    }
}
