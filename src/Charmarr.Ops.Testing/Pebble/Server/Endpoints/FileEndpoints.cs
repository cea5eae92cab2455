using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Charmarr.Ops.Testing.Pebble.Files;
using Charmarr.Ops.Testing.Pebble.Json;
using Charmarr.Ops.Testing.Pebble.Server.Multipart;
using Microsoft.Net.Http.Headers;

namespace Charmarr.Ops.Testing.Pebble.Server.Endpoints;

/// <summary><c>/v1/files</c> (§2.9): multipart read and write, list, make-dirs, remove.</summary>
internal static partial class FileEndpoints
{
    private const string Decode = "cannot decode request body";

    public static void Map(PebbleRouter router)
    {
        router.Map("GET", "/v1/files", GetFiles);
        router.Map("POST", "/v1/files", PostFiles);
    }

    private static Task<Envelope?> GetFiles(PebbleRequest request)
    {
        var action = Query.Get(request.Context, "action");
        return action switch
        {
            "read" => ReadAsync(request),
            "list" => Task.FromResult<Envelope?>(List(request)),
            _ => throw SimulatedPebbleException.BadRequest($"invalid action {GoText.Quote(action)}"),
        };
    }

    private static async Task<Envelope?> ReadAsync(PebbleRequest request)
    {
        var context = request.Context;
        if (context.Request.Headers.Accept.FirstOrDefault() != "multipart/form-data")
        {
            throw SimulatedPebbleException.BadRequest("must accept multipart/form-data");
        }

        var paths = context.Request.Query["path"].Select(p => p ?? "").ToList();
        if (paths.Count == 0)
        {
            throw SimulatedPebbleException.BadRequest("must specify one or more paths");
        }

        var contents = paths.Select(path =>
        {
            try
            {
                return (Path: path, Content: request.Simulator.FileOperation(() => request.Simulator.Parts.Files.Read(path)), Error: (SimulatedPebbleException?)null);
            }
            catch (SimulatedPebbleException e)
            {
                return (Path: path, Content: (FileContent?)null, Error: e);
            }
        }).ToList();

        var writer = new MultipartFileWriter(context.Response.Body);
        context.Response.StatusCode = 200;
        context.Response.ContentType = writer.ContentType;
        foreach (var (path, content, _) in contents)
        {
            if (content is not null)
            {
                await writer.StartFilePartAsync(path, request.Aborted).ConfigureAwait(false);
                await content.CopyToAsync(context.Response.Body, request.Aborted).ConfigureAwait(false);
            }
        }

        await writer.StartResponsePartAsync(request.Aborted).ConfigureAwait(false);
        var results = new JsonArray(contents.Select(c => (JsonNode?)WireJson.PathResult(c.Path, c.Error)).ToArray());
        var json = GoJson.SerializeToUtf8(Envelope.Sync(results).ToJson());
        await context.Response.Body.WriteAsync(json, request.Aborted).ConfigureAwait(false);
        await context.Response.Body.WriteAsync("\n"u8.ToArray(), request.Aborted).ConfigureAwait(false);
        await writer.CloseAsync(request.Aborted).ConfigureAwait(false);
        return null;
    }

    private static Envelope List(PebbleRequest request)
    {
        var path = Query.Get(request.Context, "path");
        if (path.Length == 0)
        {
            throw SimulatedPebbleException.BadRequest("must specify path");
        }

        var pattern = Query.Get(request.Context, "pattern");
        var itself = Query.Get(request.Context, "itself");
        if (itself is not ("" or "true" or "false"))
        {
            throw SimulatedPebbleException.BadRequest("itself parameter must be \"true\" or \"false\"");
        }

        if (!path.StartsWith('/'))
        {
            throw SimulatedPebbleException.BadRequest($"path must be absolute, got {GoText.Quote(path)}");
        }

        IReadOnlyList<SimulatedFileInfo> files;
        try
        {
            files = request.Simulator.ListFiles(path, pattern, itself == "true");
        }
        catch (FormatException e)
        {
            throw SimulatedPebbleException.BadRequest(e.Message, "generic-file-error");
        }

        return Envelope.Sync(new JsonArray(files.Select(f => (JsonNode?)WireJson.FileInfo(f)).ToArray()));
    }

    private static async Task<Envelope?> PostFiles(PebbleRequest request)
    {
        var contentType = request.Context.Request.ContentType ?? "";
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            throw SimulatedPebbleException.BadRequest($"invalid Content-Type {GoText.Quote(contentType)}");
        }

        switch (mediaType.MediaType.Value?.ToLowerInvariant())
        {
            case "multipart/form-data":
                var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value ?? "";
                if (boundary.Length < 32)
                {
                    throw SimulatedPebbleException.BadRequest($"invalid boundary {GoText.Quote(boundary)}");
                }

                return await FileUpload.WriteAsync(request, boundary).ConfigureAwait(false);
            case "application/json":
                var body = await request.BodyAsync(Decode, GoPayload.Files).ConfigureAwait(false);
                var action = PebbleRequest.Field(() => body.String("action") ?? "", Decode);
                return action switch
                {
                    "make-dirs" => MakeDirs(request, PebbleRequest.Field(() => body.Objects("dirs", "daemon.makeDirsItem"), Decode)),
                    "remove" => Remove(request, PebbleRequest.Field(() => body.Objects("paths", "daemon.removePathsItem"), Decode)),
                    "write" => throw SimulatedPebbleException.BadRequest("must use multipart with \"write\" action"),
                    _ => throw SimulatedPebbleException.BadRequest($"invalid action {GoText.Quote(action)}"),
                };
            default:
                throw SimulatedPebbleException.BadRequest($"invalid media type {GoText.Quote(mediaType.MediaType.Value ?? "")}");
        }
    }

    private static Envelope MakeDirs(PebbleRequest request, List<RequestBody> dirs) =>
        PathResults(dirs, dir =>
        {
            var creation = Creation(dir, "make-parents");
            request.Simulator.MakeDirectory(dir.String("path") ?? "", creation);
        });

    private static Envelope Remove(PebbleRequest request, List<RequestBody> paths) =>
        PathResults(paths, item => request.Simulator.RemovePath(item.String("path") ?? "", item.Bool("recursive")));

    private static Envelope PathResults(List<RequestBody> items, Action<RequestBody> operation) =>
        Envelope.Sync(new JsonArray(items.Select(item =>
        {
            var path = PebbleRequest.Field(() => item.String("path") ?? "", Decode);
            try
            {
                PebbleRequest.Field(() =>
                {
                    operation(item);
                    return true;
                }, Decode);
                return (JsonNode?)WireJson.PathResult(path, null);
            }
            catch (SimulatedPebbleException e) when (e.Kind is not null)
            {
                return WireJson.PathResult(path, e);
            }
        }).ToArray()));

    /// <summary>The mode and owner of a file or directory item; a bad mode is a per-path <c>generic-file-error</c>.</summary>
    internal static FileCreation Creation(RequestBody item, string makeParentsKey)
    {
        var permissions = item.String("permissions") ?? "";
        if (permissions.Length > 0 && !OctalPattern().IsMatch(permissions))
        {
            throw new SimulatedPebbleException(400, $"permissions must be a 3-digit octal string, got {GoText.Quote(permissions)}", "generic-file-error");
        }

        return new FileCreation
        {
            Permissions = permissions.Length > 0 ? Convert.ToInt32(permissions, 8) : null,
            UserId = item.Int("user-id"),
            User = item.String("user"),
            GroupId = item.Int("group-id"),
            Group = item.String("group"),
            MakeParents = item.Bool(makeParentsKey),
        };
    }

    [GeneratedRegex("^[0-7]{3}$")]
    private static partial Regex OctalPattern();
}
