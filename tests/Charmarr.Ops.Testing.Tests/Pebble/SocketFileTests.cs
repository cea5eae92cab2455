using System.Net.Http.Headers;
using System.Text;
using Charmarr.Ops.Testing.Pebble;

namespace Charmarr.Ops.Testing.Tests.Pebble;

public sealed class SocketFileTests
{
    private const string Boundary = "0123456789abcdef0123456789abcdef";

    internal static HttpContent OpsPushBody(string path, byte[] content, string metadata)
    {
        var body = new MemoryStream();
        void Text(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        Text($"--{Boundary}\r\nContent-Type: application/json\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n{metadata}\r\n");
        Text($"--{Boundary}\r\nContent-Type: application/octet-stream\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{path}\"\r\n\r\n");
        body.Write(content);
        Text($"\r\n--{Boundary}--\r\n");
        var http = new ByteArrayContent(body.ToArray());
        http.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary=\"{Boundary}\"");
        return http;
    }

    [Fact]
    public async Task Pull_answers_multipart_with_the_file_part_then_the_response_part()
    {
        await using var pebble = await SocketFixture.StartAsync();
        pebble.Simulator.WriteFile("/etc/app.conf", "hello", new FileCreation { MakeParents = true });

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/files?action=read&path=/etc/app.conf&path=/missing");
        request.Headers.TryAddWithoutValidation("Accept", "multipart/form-data");
        using var response = await pebble.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        var boundary = response.Content.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary").Value!;
        Assert.Equal("multipart/form-data", response.Content.Headers.ContentType.MediaType);
        Assert.Equal(60, boundary.Length);
        Assert.Equal(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"/etc/app.conf\"\r\nContent-Type: application/octet-stream\r\n\r\nhello"
            + $"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"response\"\r\nContent-Type: application/json\r\n\r\n"
            + """{"type":"sync","status-code":200,"status":"OK","result":[{"path":"/etc/app.conf"},{"path":"/missing","error":{"message":"stat /missing: no such file or directory","kind":"not-found"}}]}"""
            + $"\n\r\n--{boundary}--\r\n",
            body);
    }

    [Fact]
    public async Task Pull_requires_the_exact_multipart_accept_header()
    {
        await using var pebble = await SocketFixture.StartAsync();

        var (status, body) = await pebble.GetAsync("/v1/files?action=read&path=/x", "application/json");

        Assert.Equal(400, status);
        Assert.Equal("""{"type":"error","status-code":400,"status":"Bad Request","result":{"message":"must accept multipart/form-data"}}""", body);
    }

    [Fact]
    public async Task Push_with_the_ops_body_writes_the_file_with_owner_and_mode()
    {
        await using var pebble = await SocketFixture.StartAsync();
        pebble.Simulator.AddUser("app", 1000, 1000);
        pebble.Simulator.AddGroup("app", 1000);

        using var content = OpsPushBody("/srv/a.txt", "data"u8.ToArray(),
            """{"action":"write","files":[{"path":"/srv/a.txt","make-dirs":true,"permissions":"600","user":"app","group":"app"}]}""");
        using var response = await pebble.Http.PostAsync("/v1/files", content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("""{"type":"sync","status-code":200,"status":"OK","result":[{"path":"/srv/a.txt"}]}""", body);
        Assert.Equal("data", pebble.Simulator.ReadTextFile("/srv/a.txt"));
        var info = pebble.Simulator.ListFiles("/srv/a.txt").Single();
        Assert.Equal((0b110_000_000, 1000, "app", 1000, "app"), (info.Permissions, info.UserId, info.User, info.GroupId, info.Group));
        Assert.Equal((0b111_101_101, 1000), (pebble.Simulator.ListFiles("/srv", itself: true).Single().Permissions, pebble.Simulator.ListFiles("/srv", itself: true).Single().UserId));
    }

    [Fact]
    public async Task Push_errors_are_per_path()
    {
        await using var pebble = await SocketFixture.StartAsync();

        using var content = OpsPushBody("/nodir/f", "x"u8.ToArray(),
            """{"action":"write","files":[{"path":"/nodir/f"},{"path":"/other","user":"bob"}]}""");
        using var response = await pebble.Http.PostAsync("/v1/files", content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Matches(
            """^\{"type":"sync","status-code":200,"status":"OK","result":\[\{"path":"/nodir/f","error":\{"message":"open /nodir/f\.[0-9]{1,10}~: no such file or directory","kind":"not-found"\}\},\{"path":"/other","error":\{"message":"no file content for path \\"/other\\"","kind":"generic-file-error"\}\}\]\}$""",
            body);
    }

    [Fact]
    public async Task Push_from_dotnet_multipart_content_uses_filename_star()
    {
        await using var pebble = await SocketFixture.StartAsync();
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("""{"action":"write","files":[{"path":"/tmp/é.txt"}]}""", Encoding.UTF8, "application/json"), "request");
        form.Add(new ByteArrayContent("héllo"u8.ToArray()), "files", "/tmp/é.txt");

        using var response = await pebble.Http.PostAsync("/v1/files", form, TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("héllo", pebble.Simulator.ReadTextFile("/tmp/é.txt"));
    }

    [Fact]
    public async Task Short_boundaries_and_json_writes_are_refused()
    {
        await using var pebble = await SocketFixture.StartAsync();

        var shortBoundary = await pebble.SendAsync("POST", "/v1/files", "x", "multipart/form-data; boundary=abc");
        var jsonWrite = await pebble.PostAsync("/v1/files", """{"action":"write"}""");

        Assert.Equal("""{"type":"error","status-code":400,"status":"Bad Request","result":{"message":"invalid boundary \"abc\""}}""", shortBoundary.Body);
        Assert.Equal("""{"type":"error","status-code":400,"status":"Bad Request","result":{"message":"must use multipart with \"write\" action"}}""", jsonWrite.Body);
    }

    [Fact]
    public async Task List_reports_entries_and_http_level_errors()
    {
        var simulator = new PebbleSimulator(new FixedTime(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        await using var pebble = await SocketFixture.StartAsync(simulator);
        simulator.WriteFile("/data/b.txt", "12345", new FileCreation { MakeParents = true });
        simulator.MakeDirectory("/data/sub");

        var listed = await pebble.GetAsync("/v1/files?action=list&path=/data&pattern=*.txt");
        var missing = await pebble.GetAsync("/v1/files?action=list&path=/nope");
        var relative = await pebble.GetAsync("/v1/files?action=list&path=data");

        Assert.Equal(
            """{"type":"sync","status-code":200,"status":"OK","result":[{"path":"/data/b.txt","name":"b.txt","type":"file","size":5,"permissions":"644","last-modified":"2024-01-02T03:04:05Z","user-id":0,"user":"root","group-id":0,"group":"root"}]}""",
            listed.Body);
        Assert.Equal((404, """{"type":"error","status-code":404,"status":"Not Found","result":{"message":"stat /nope: no such file or directory","kind":"not-found"}}"""), missing);
        Assert.Equal(400, relative.Status);
    }

    [Fact]
    public async Task Permission_denied_paths_fail_with_their_kind()
    {
        await using var pebble = await SocketFixture.StartAsync();
        pebble.Simulator.WriteFile("/secret", "s");
        pebble.Simulator.DenyRead("/secret");

        var listed = await pebble.GetAsync("/v1/files?action=list&path=/secret");
        var pulled = await pebble.GetAsync("/v1/files?action=read&path=/secret", "multipart/form-data");

        Assert.Equal((403, """{"type":"error","status-code":403,"status":"Forbidden","result":{"message":"open /secret: permission denied","kind":"permission-denied"}}"""), listed);
        Assert.Contains("""{"path":"/secret","error":{"message":"open /secret: permission denied","kind":"permission-denied"}}""", pulled.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Make_dirs_and_remove_answer_per_path_results()
    {
        await using var pebble = await SocketFixture.StartAsync();

        var made = await pebble.PostAsync("/v1/files", """{"action":"make-dirs","dirs":[{"path":"/a/b","make-parents":true},{"path":"/x/y"},{"path":"/a"}]}""");
        var removed = await pebble.PostAsync("/v1/files", """{"action":"remove","paths":[{"path":"/a"},{"path":"/a","recursive":true},{"path":"/gone"}]}""");

        Assert.Equal(
            """{"type":"sync","status-code":200,"status":"OK","result":[{"path":"/a/b"},{"path":"/x/y","error":{"message":"mkdir /x/y.mkdir-new: no such file or directory","kind":"not-found"}},{"path":"/a","error":{"message":"mkdir /a: file exists","kind":"generic-file-error"}}]}""",
            made.Body);
        Assert.Equal(
            """{"type":"sync","status-code":200,"status":"OK","result":[{"path":"/a","error":{"message":"remove /a: directory not empty","kind":"generic-file-error"}},{"path":"/a"},{"path":"/gone","error":{"message":"remove /gone: no such file or directory","kind":"not-found"}}]}""",
            removed.Body);
    }

    [Fact]
    public async Task Server_can_cut_a_pull_mid_transfer()
    {
        await using var pebble = await SocketFixture.StartAsync();
        pebble.Simulator.WriteFile("/big", new byte[1 << 20]);
        pebble.Server.CloseConnectionMidTransfer("GET", "/v1/files", afterResponseBytes: 1000);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/files?action=read&path=/big");
        request.Headers.TryAddWithoutValidation("Accept", "multipart/form-data");

        var counted = new MemoryStream();
        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await pebble.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
            await (await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken)).CopyToAsync(counted, TestContext.Current.CancellationToken);
        });

        Assert.True(error is not null, $"read {counted.Length} bytes without error");
        Assert.True(counted.Length <= 1000, $"read {counted.Length} bytes");
        var (status, _) = await pebble.GetAsync("/v1/system-info");
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Server_can_cut_a_push_before_reading_it()
    {
        await using var pebble = await SocketFixture.StartAsync();
        pebble.Server.CloseConnectionMidTransfer("POST", "/v1/files");
        pebble.Server.CloseConnectionMidTransfer("POST", "/v1/files");

        using var content = OpsPushBody("/f", new byte[256 * 1024], """{"action":"write","files":[{"path":"/f"}]}""");
        var error = await Record.ExceptionAsync(() => pebble.Http.PostAsync("/v1/files", content, TestContext.Current.CancellationToken));

        Assert.IsType<HttpRequestException>(error);
        Assert.False(pebble.Simulator.PathExists("/f"));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
