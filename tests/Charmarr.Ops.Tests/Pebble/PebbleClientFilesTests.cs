using System.Text;
using System.Text.RegularExpressions;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Tests.Pebble.Server;

namespace Charmarr.Ops.Tests.Pebble;

/// <summary>Push's hand-written multipart body and pull's streaming multipart parsing (reference §2.9).</summary>
public sealed partial class PebbleClientFilesTests : PebbleWireTest
{
    private const string Path = "/config/Preferences.xml";

    [Fact]
    public async Task Push_writes_the_multipart_body_exactly_as_ops()
    {
        Server.Enqueue(Envelopes.Sync("""[{"path":"/config/a \"b\".xml"}]"""));
        var options = new PebblePushOptions { MakeDirs = true, Permissions = 0b110_000_000, UserId = 0, User = "root", GroupId = 0, Group = "root" };

        await Within(Client.PushAsync("/config/a \"b\".xml", new MemoryStream("<xml>\r\n--not a boundary\r\n"u8.ToArray()), options, TestContext.Current.CancellationToken));

        Assert.Equal(("POST", "/v1/files"), (Request.Method, Request.Target));
        Assert.Equal("application/json", Request.Header("Accept"));
        Assert.Equal("chunked", Request.Header("Transfer-Encoding"));
        var boundary = QuotedBoundary().Match(Request.Header("Content-Type")!);
        Assert.True(boundary.Success, Request.Header("Content-Type"));
        var b = boundary.Groups[1].Value;
        Assert.Equal(
            $"--{b}\r\n" +
            "Content-Type: application/json\r\n" +
            "Content-Disposition: form-data; name=\"request\"\r\n" +
            "\r\n" +
            """{"action": "write", "files": [{"permissions": "600", "user-id": 0, "user": "root", "group-id": 0, "group": "root", "path": "/config/a \"b\".xml", "make-dirs": true}]}""" + "\r\n" +
            $"--{b}\r\n" +
            "Content-Type: application/octet-stream\r\n" +
            "Content-Disposition: form-data; name=\"files\"; filename=\"/config/a \\\"b\\\".xml\"\r\n" +
            "\r\n" +
            "<xml>\r\n--not a boundary\r\n" +
            $"\r\n--{b}--\r\n",
            Request.BodyText);
    }

    [Fact]
    public async Task Push_without_options_sends_only_the_path()
    {
        Server.Enqueue(Envelopes.Sync($$"""[{"path":"{{Path}}"}]"""));

        await Within(Client.PushAsync(Path, new MemoryStream(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains($$"""{"action": "write", "files": [{"path": "{{Path}}"}]}""", Request.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_push_uses_a_new_random_boundary()
    {
        Server.Enqueue(Envelopes.Sync($$"""[{"path":"{{Path}}"}]"""), Envelopes.Sync($$"""[{"path":"{{Path}}"}]"""));
        var ct = TestContext.Current.CancellationToken;

        await Within(Client.PushTextAsync(Path, "a", cancellationToken: ct));
        await Within(Client.PushTextAsync(Path, "a", cancellationToken: ct));

        Assert.NotEqual(Server.Requests[0].Header("Content-Type"), Server.Requests[1].Header("Content-Type"));
    }

    [Fact]
    public async Task A_push_refused_for_the_path_is_a_path_error_naming_the_operation()
    {
        Server.Enqueue(Envelopes.Sync($$$"""[{"path":"{{{Path}}}","error":{"message":"open /config/Preferences.xml.3f2a~: no such file or directory","kind":"not-found"}}]"""));

        var error = await Assert.ThrowsAsync<PebblePathException>(() => Within(Client.PushTextAsync(Path, "x", cancellationToken: TestContext.Current.CancellationToken)));

        Assert.True(error.IsNotFound);
        Assert.Equal((Path, "not-found"), (error.Path, error.Kind));
        Assert.Equal("open /config/Preferences.xml.3f2a~: no such file or directory", error.PathMessage);
        Assert.Equal($"pebble push {Path}: not-found - open /config/Preferences.xml.3f2a~: no such file or directory", error.Message);
    }

    [Fact]
    public async Task A_push_result_without_the_path_is_a_protocol_error()
    {
        Server.Enqueue(Envelopes.Sync("""[{"path":"/other"}]"""));

        var error = await Assert.ThrowsAsync<PebbleProtocolException>(() => Within(Client.PushTextAsync(Path, "x", cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Contains("path not found in response metadata", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_asks_for_multipart_and_reads_the_file_before_the_response_part()
    {
        var content = Encoding.UTF8.GetBytes("<Preferences PlexOnlineToken=\"x\"/>\r\n--" + Multipart.Boundary[..20] + "\r\n");
        Server.Enqueue(Multipart.Reply(Multipart.FilePart(Path, content), Multipart.ResponsePart($$"""[{"path":"{{Path}}"}]""")));

        var bytes = await Within(Client.PullBytesAsync(Path, TestContext.Current.CancellationToken));

        Assert.Equal(content, bytes);
        Assert.Equal(("GET", "/v1/files?action=read&path=%2Fconfig%2FPreferences.xml"), (Request.Method, Request.Target));
        Assert.Equal("multipart/form-data", Request.Header("Accept"));
    }

    [Fact]
    public async Task Pull_reads_an_empty_file()
    {
        Server.Enqueue(Multipart.Reply(Multipart.FilePart(Path, []), Multipart.ResponsePart($$"""[{"path":"{{Path}}"}]""")));

        Assert.Equal("", await Within(Client.PullTextAsync(Path, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_missing_file_comes_back_as_a_lone_response_part_and_is_a_path_error()
    {
        Server.Enqueue(Multipart.Reply(Multipart.ResponsePart($$$"""[{"path":"{{{Path}}}","error":{"message":"stat {{{Path}}}: no such file or directory","kind":"not-found"}}]""")));

        var error = await Assert.ThrowsAsync<PebblePathException>(() => Within(Client.PullAsync(Path, TestContext.Current.CancellationToken)));

        Assert.Equal(("not-found", $"stat {Path}: no such file or directory"), (error.Kind, error.PathMessage));
        Assert.Equal($"pebble pull {Path}", error.Operation);
    }

    [Fact]
    public async Task A_directory_pulled_is_a_generic_file_error()
    {
        Server.Enqueue(Multipart.Reply(Multipart.ResponsePart("""[{"path":"/etc","error":{"message":"can only read a regular file: \"/etc\"","kind":"generic-file-error"}}]""")));

        var error = await Assert.ThrowsAsync<PebblePathException>(() => Within(Client.PullAsync("/etc", TestContext.Current.CancellationToken)));

        Assert.Equal(PebbleErrorKinds.GenericFileError, error.Kind);
    }

    [Fact]
    public async Task An_error_in_the_trailing_response_part_surfaces_when_the_file_ends()
    {
        Server.Enqueue(Multipart.Reply(
            Multipart.FilePart(Path, "partial"u8.ToArray()),
            Multipart.ResponsePart($$$"""[{"path":"{{{Path}}}","error":{"message":"read {{{Path}}}: input/output error","kind":"generic-file-error"}}]""")));

        var stream = await Within(Client.PullAsync(Path, TestContext.Current.CancellationToken));
        await using (stream)
        {
            var error = await Assert.ThrowsAsync<PebblePathException>(() => Within(new StreamReader(stream).ReadToEndAsync(TestContext.Current.CancellationToken)));
            Assert.Equal($"read {Path}: input/output error", error.PathMessage);
        }
    }

    [Fact]
    public async Task A_file_without_a_trailing_response_part_is_a_protocol_error()
    {
        Server.Enqueue(Multipart.Reply(Multipart.FilePart(Path, "data"u8.ToArray())));

        var error = await Assert.ThrowsAsync<PebbleProtocolException>(() => Within(Client.PullTextAsync(Path, TestContext.Current.CancellationToken)));

        Assert.Contains("no \"response\" field in multipart body", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_part_for_another_path_is_a_protocol_error()
    {
        Server.Enqueue(Multipart.Reply(Multipart.FilePart("/other", "x"u8.ToArray()), Multipart.ResponsePart("""[{"path":"/other"}]""")));

        var error = await Assert.ThrowsAsync<PebbleProtocolException>(() => Within(Client.PullAsync(Path, TestContext.Current.CancellationToken)));

        Assert.Contains("path not expected: '/other'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_file_parts_for_one_path_are_a_protocol_error()
    {
        Server.Enqueue(Multipart.Reply(Multipart.FilePart(Path, "a"u8.ToArray()), Multipart.FilePart(Path, "b"u8.ToArray()), Multipart.ResponsePart($$"""[{"path":"{{Path}}"}]""")));

        var error = await Assert.ThrowsAsync<PebbleProtocolException>(() => Within(Client.PullTextAsync(Path, TestContext.Current.CancellationToken)));

        Assert.Contains("multi-file response", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_JSON_answer_to_a_pull_is_a_protocol_error_about_the_content_type()
    {
        Server.Enqueue(Envelopes.Sync("[]"));

        var error = await Assert.ThrowsAsync<PebbleProtocolException>(() => Within(Client.PullAsync(Path, TestContext.Current.CancellationToken)));

        Assert.Equal($"pebble pull {Path}: expected Content-Type 'multipart/form-data', got 'application/json'", error.Message);
    }

    [Fact]
    public async Task A_multipart_answer_without_a_boundary_is_a_protocol_error()
    {
        Server.Enqueue(new BodyReply(200, "x", "multipart/form-data"));

        var error = await Assert.ThrowsAsync<PebbleProtocolException>(() => Within(Client.PullAsync(Path, TestContext.Current.CancellationToken)));

        Assert.Contains("invalid boundary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multipart_body_cut_short_is_a_protocol_error()
    {
        var body = Multipart.Body(Multipart.FilePart(Path, "data"u8.ToArray()), Multipart.ResponsePart($$"""[{"path":"{{Path}}"}]"""));
        Server.Enqueue(new BodyReply(200, body[..^30], Multipart.ContentType));

        var error = await Assert.ThrowsAsync<PebbleProtocolException>(() => Within(Client.PullTextAsync(Path, TestContext.Current.CancellationToken)));

        Assert.Contains("multipart", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_HTTP_error_to_a_pull_is_an_API_error()
    {
        Server.Enqueue(Envelopes.Error(400, "must accept multipart/form-data"));

        var error = await Assert.ThrowsAsync<PebbleApiException>(() => Within(Client.PullAsync(Path, TestContext.Current.CancellationToken)));

        Assert.Equal((400, "must accept multipart/form-data"), (error.StatusCode, error.ApiMessage));
    }

    [Fact]
    public async Task Making_a_directory_that_exists_is_a_path_error()
    {
        Server.Enqueue(Envelopes.Sync("""[{"path":"/d","error":{"message":"mkdir /d: file exists","kind":"generic-file-error"}}]"""));

        var error = await Assert.ThrowsAsync<PebblePathException>(() => Within(Client.MakeDirAsync("/d", cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal("pebble mkdir /d: generic-file-error - mkdir /d: file exists", error.Message);
    }

    [Fact]
    public async Task Removing_a_non_empty_directory_is_a_path_error()
    {
        Server.Enqueue(Envelopes.Sync("""[{"path":"/d","error":{"message":"remove /d: directory not empty","kind":"generic-file-error"}}]"""));

        var error = await Assert.ThrowsAsync<PebblePathException>(() => Within(Client.RemovePathAsync("/d", cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal("remove /d: directory not empty", error.PathMessage);
    }

    [Fact]
    public async Task Listing_a_missing_path_is_an_API_error_404()
    {
        Server.Enqueue(Envelopes.Error(404, "stat /nope: no such file or directory", "not-found"));

        var error = await Assert.ThrowsAsync<PebbleApiException>(() => Within(Client.ListFilesAsync("/nope", cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal((404, "Not Found", "not-found"), (error.StatusCode, error.Status, error.Kind));
    }

    [GeneratedRegex("^multipart/form-data; boundary=\"([0-9a-f]{32})\"$")]
    private static partial Regex QuotedBoundary();
}
