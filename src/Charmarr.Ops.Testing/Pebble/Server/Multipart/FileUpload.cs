using System.Globalization;
using System.Text.Json.Nodes;
using Charmarr.Ops.Testing.Pebble.Files;
using Charmarr.Ops.Testing.Pebble.Json;
using Charmarr.Ops.Testing.Pebble.Server.Endpoints;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Charmarr.Ops.Testing.Pebble.Server.Multipart;

/// <summary>
/// Push (§2.9 write): a <c>request</c> metadata part, then one <c>files</c> part per file, each streamed into the
/// simulated filesystem as it arrives (one copy of the bytes, in chunks).
/// </summary>
internal static class FileUpload
{
    public static async Task<Envelope?> WriteAsync(PebbleRequest request, string boundary)
    {
        var reader = new MultipartReader(boundary, request.Context.Request.Body) { BodyLengthLimit = null };
        var metadataPart = await ReadSectionAsync(reader, "cannot read request metadata", request.Aborted).ConfigureAwait(false)
            ?? throw SimulatedPebbleException.BadRequest("cannot read request metadata: EOF");
        var (metadataName, _) = Names(metadataPart);
        if (metadataName != "request")
        {
            throw SimulatedPebbleException.BadRequest($"metadata field name must be \"request\", got {GoText.Quote(metadataName)}");
        }

        RequestBody metadata;
        try
        {
            metadata = await RequestBody.ReadAsync(metadataPart.Body, GoPayload.WriteFiles, request.Aborted).ConfigureAwait(false);
        }
        catch (FormatException e)
        {
            throw SimulatedPebbleException.BadRequest($"cannot decode request metadata: {e.Message}");
        }

        var action = PebbleRequest.Field(() => metadata.String("action") ?? "", "cannot decode request metadata");
        if (action != "write")
        {
            throw SimulatedPebbleException.BadRequest($"multipart action must be \"write\", got {GoText.Quote(action)}");
        }

        var files = PebbleRequest.Field(() => metadata.Objects("files", "daemon.writeFilesItem"), "cannot decode request metadata");
        if (files.Count == 0)
        {
            throw SimulatedPebbleException.BadRequest("must specify one or more files");
        }

        var byPath = new Dictionary<string, RequestBody>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            byPath[file.String("path") ?? ""] = file;
        }

        var outcomes = new Dictionary<string, SimulatedPebbleException?>(StringComparer.Ordinal);
        for (var index = 1; ; index++)
        {
            var part = await ReadSectionAsync(reader, $"cannot read file part {index.ToString(CultureInfo.InvariantCulture)}", request.Aborted)
                .ConfigureAwait(false);
            if (part is null)
            {
                break;
            }

            var (name, path) = Names(part);
            if (name != "files")
            {
                throw SimulatedPebbleException.BadRequest($"field name must be \"files\", got {GoText.Quote(name)}");
            }

            if (!byPath.TryGetValue(path, out var item))
            {
                throw SimulatedPebbleException.BadRequest($"no metadata for path {GoText.Quote(path)}");
            }

            var content = await FileContent.ReadFromAsync(part.Body, request.Aborted).ConfigureAwait(false);
            outcomes[path] = Write(request.Simulator, path, item, content);
        }

        return Envelope.Sync(new JsonArray(files.Select(file =>
        {
            var path = file.String("path") ?? "";
            var error = outcomes.TryGetValue(path, out var outcome) ? outcome
                : new SimulatedPebbleException(400, $"no file content for path {GoText.Quote(path)}", "generic-file-error");
            return (JsonNode?)WireJson.PathResult(path, error);
        }).ToArray()));
    }

    private static SimulatedPebbleException? Write(PebbleSimulator simulator, string path, RequestBody item, FileContent content)
    {
        try
        {
            var creation = FileEndpoints.Creation(item, "make-dirs");
            simulator.FileOperation(() => simulator.Parts.Files.Write(path, content, creation));
            return null;
        }
        catch (SimulatedPebbleException e) when (e.Kind is not null)
        {
            return e;
        }
        catch (FormatException e)
        {
            return new SimulatedPebbleException(400, e.Message, "generic-file-error");
        }
    }

    private static async Task<MultipartSection?> ReadSectionAsync(MultipartReader reader, string errorPrefix, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw SimulatedPebbleException.BadRequest($"{errorPrefix}: {e.Message}");
        }
    }

    // The form name and the raw filename (filename* decoded, never base-named), as Pebble reads them.
    private static (string Name, string FileName) Names(MultipartSection section)
    {
        if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
        {
            return ("", "");
        }

        var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
        var fileName = disposition.FileNameStar.HasValue && disposition.FileNameStar.Length > 0
            ? disposition.FileNameStar.Value!
            : Unquote(disposition.FileName.Value ?? "");
        return (name, fileName);
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"'
            ? value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal)
            : value;
}
