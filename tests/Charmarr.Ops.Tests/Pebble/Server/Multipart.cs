using System.Text;

namespace Charmarr.Ops.Tests.Pebble.Server;

/// <summary>Builds multipart bodies the way Go's <c>mime/multipart</c> writer lays out Pebble's file reads.</summary>
internal static class Multipart
{
    public const string Boundary = "1c2d36b3a70e7a5d7e6dbb5d0f4c2e9b0a8f1e3c5b7d9f1a3c5e7b9d1f3a5c7e9b1";

    public static string ContentType => $"multipart/form-data; boundary={Boundary}";

    public static (string Headers, byte[] Body) FilePart(string path, byte[] content) =>
        ($"Content-Disposition: form-data; name=\"files\"; filename=\"{path}\"\r\nContent-Type: application/octet-stream", content);

    public static (string Headers, byte[] Body) ResponsePart(string resultJson) =>
        ("Content-Disposition: form-data; name=\"response\"\r\nContent-Type: application/json",
            Encoding.UTF8.GetBytes($"{{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":{resultJson}}}\n"));

    public static byte[] Body(params (string Headers, byte[] Body)[] parts)
    {
        using var body = new MemoryStream();
        for (var i = 0; i < parts.Length; i++)
        {
            Write(body, $"{(i == 0 ? "" : "\r\n")}--{Boundary}\r\n{parts[i].Headers}\r\n\r\n");
            body.Write(parts[i].Body);
        }

        Write(body, $"\r\n--{Boundary}--\r\n");
        return body.ToArray();
    }

    public static BodyReply Reply(params (string Headers, byte[] Body)[] parts) => new(200, Body(parts), ContentType);

    private static void Write(Stream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(text));
}
