using Microsoft.AspNetCore.Http;

namespace Charmarr.PlexK8s.Tests.Fakes;

/// <summary>plex.tv's claim exchange on loopback: a claim token it was told about is exchanged once for an auth token.</summary>
internal static class FakePlexTv
{
    public const string AuthToken = "auth-TOKEN-abc123XYZ";

    /// <summary>plex.tv's answer to a good exchange (trimmed): the user with its authentication-token element.</summary>
    public static string UserXml(string authToken) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><user email="me@example.com" id="42" username="me" authenticationToken="{authToken}"><authentication-token>{authToken}</authentication-token></user>""";

    /// <summary>Exchanges <paramref name="claimToken"/> once; any other or a reused token gets 404, as plex.tv does.</summary>
    public static Func<HttpContext, Task> Exchanging(string claimToken, string authToken = AuthToken)
    {
        var used = false;
        return async context =>
        {
            var valid = context.Request.Method == "POST"
                && context.Request.Path == "/api/claim/exchange"
                && context.Request.Query["token"] == claimToken
                && !string.IsNullOrEmpty(context.Request.Headers["X-Plex-Client-Identifier"]);
            if (!valid || used)
            {
                context.Response.StatusCode = 404;
                return;
            }

            used = true;
            await LoopbackHttpServer.Xml(200, UserXml(authToken))(context);
        };
    }
}
