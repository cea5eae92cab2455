using System.Text;
using Charmarr.Ops.Backend;
using Charmarr.Ops.HookTools;
using Charmarr.Ops.Model;
using Xunit;

namespace Charmarr.Ops.Tests.HookTools;

/// <summary>Checks made before any tool runs, and the size rules that keep us clear of E2BIG.</summary>
public sealed class HookToolBackendValidationTests
{
    private readonly RecordingHookToolRunner _runner = new();

    private HookToolBackend Backend => new(_runner);

    // ---- action-set ----

    [Theory]
    [InlineData("a..b")]
    [InlineData("Foo")]
    [InlineData("-a")]
    [InlineData("a-")]
    [InlineData("a.")]
    [InlineData(".a")]
    [InlineData("a_b")]
    [InlineData("a b")]
    [InlineData("a=b")]
    [InlineData("a\n")]
    [InlineData("")]
    public void SetActionResults_rejects_invalid_key_segments(string key)
    {
        var ex = Assert.Throws<ArgumentException>(() => Backend.SetActionResults(new Dictionary<string, string> { [key] = "v" }));
        Assert.Contains($"\"{key}\"", ex.Message);
        Assert.Empty(_runner.Calls);
    }

    [Theory]
    [InlineData("stdout")]
    [InlineData("stderr")]
    [InlineData("stdout-encoding")]
    [InlineData("stderr-encoding")]
    [InlineData("result.stdout")]
    [InlineData("stderr.x")]
    [InlineData("a.stdout-encoding.b")]
    public void SetActionResults_rejects_reserved_segments_in_any_position(string key)
    {
        var ex = Assert.Throws<ArgumentException>(() => Backend.SetActionResults(new Dictionary<string, string> { [key] = "v" }));
        Assert.Contains($"\"{key}\"", ex.Message);
        Assert.Empty(_runner.Calls);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("0")]
    [InlineData("a-b.c1.2x")]
    [InlineData("return-code")]
    [InlineData("my-stdout")]
    public void SetActionResults_accepts_valid_keys(string key)
    {
        Backend.SetActionResults(new Dictionary<string, string> { [key] = "v" });
        Assert.Equal(["action-set", key + "=v"], _runner.SingleArgv());
    }

    [Fact]
    public void SetActionResults_is_all_or_nothing()
    {
        var results = new Dictionary<string, string> { ["good"] = "1", ["also.good"] = "2", ["Bad"] = "3" };
        var ex = Assert.Throws<ArgumentException>(() => Backend.SetActionResults(results));
        Assert.Contains("\"Bad\"", ex.Message);
        Assert.Empty(_runner.Calls);
    }

    [Fact]
    public void SetActionResults_rejects_an_argument_over_the_kernel_limit()
    {
        var value = new string('x', HookToolBackend.MaxArgumentBytes - 1); // "k=" + value is one byte too many
        var ex = Assert.Throws<ArgumentException>(() => Backend.SetActionResults(new Dictionary<string, string> { ["k"] = value }));
        Assert.Contains("\"k\"", ex.Message);
        Assert.Empty(_runner.Calls);
    }

    [Fact]
    public void SetActionResults_accepts_an_argument_exactly_at_the_limit()
    {
        var value = new string('x', HookToolBackend.MaxArgumentBytes - 2);
        Backend.SetActionResults(new Dictionary<string, string> { ["k"] = value });
        Assert.Single(_runner.Calls);
    }

    [Fact]
    public void SetActionResults_counts_bytes_not_characters()
    {
        var value = new string('é', (HookToolBackend.MaxArgumentBytes / 2) + 1); // fits in chars, not in bytes
        Assert.Throws<ArgumentException>(() => Backend.SetActionResults(new Dictionary<string, string> { ["k"] = value }));
        Assert.Empty(_runner.Calls);
    }

    // ---- state-set ----

    [Fact]
    public void SetState_rejects_a_key_over_256_bytes_naming_it()
    {
        var key = "k" + new string('é', 128); // 1 + 256 bytes
        var ex = Assert.Throws<ArgumentException>(() => Backend.SetState(new Dictionary<string, string> { ["ok"] = "1", [key] = "v" }));
        Assert.Contains(key[..20], ex.Message);
        Assert.Empty(_runner.Calls);
    }

    [Fact]
    public void SetState_accepts_a_key_of_exactly_256_bytes()
    {
        Backend.SetState(new Dictionary<string, string> { [new string('k', 256)] = "v" });
        Assert.Single(_runner.Calls);
    }

    [Fact]
    public void SetState_rejects_a_value_over_65536_bytes_naming_the_key()
    {
        var ex = Assert.Throws<ArgumentException>(
            () => Backend.SetState(new Dictionary<string, string> { ["big"] = new string('v', 65537) }));
        Assert.Contains("\"big\"", ex.Message);
        Assert.Empty(_runner.Calls);
    }

    [Fact]
    public void SetState_accepts_a_value_of_exactly_65536_bytes()
    {
        Backend.SetState(new Dictionary<string, string> { ["big"] = new string('v', 65536) });
        Assert.Single(_runner.Calls);
    }

    // ---- secrets ----

    [Theory]
    [InlineData("ab")]
    [InlineData("Abc")]
    [InlineData("1abc")]
    [InlineData("ab-")]
    [InlineData("a--b")]
    [InlineData("a_bc")]
    [InlineData("abc\n")]
    public void AddSecret_rejects_invalid_keys(string key)
    {
        var ex = Assert.Throws<ArgumentException>(
            () => Backend.AddSecret(new Dictionary<string, string> { [key] = "v" }, SecretOwner.Unit, new SecretOptions()));
        Assert.Contains($"\"{key}\"", ex.Message);
        Assert.Empty(_runner.Calls);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("a-b-c")]
    [InlineData("tls-key2")]
    public void AddSecret_accepts_valid_keys(string key)
    {
        _runner.Returns("secret-add", "secret:x\n");
        Backend.AddSecret(new Dictionary<string, string> { [key] = "v" }, SecretOwner.Unit, new SecretOptions());
        Assert.Single(_runner.Calls);
    }

    [Fact]
    public void AddSecret_rejects_an_empty_value()
    {
        var ex = Assert.Throws<ArgumentException>(
            () => Backend.AddSecret(new Dictionary<string, string> { ["password"] = "" }, SecretOwner.Unit, new SecretOptions()));
        Assert.Contains("\"password\"", ex.Message);
        Assert.Empty(_runner.Calls);
    }

    [Fact]
    public void AddSecret_rejects_empty_content()
    {
        Assert.Throws<ArgumentException>(
            () => Backend.AddSecret(new Dictionary<string, string>(), SecretOwner.Unit, new SecretOptions()));
        Assert.Empty(_runner.Calls);
    }

    [Fact]
    public void SetSecret_validates_keys_too()
    {
        Assert.Throws<ArgumentException>(
            () => Backend.SetSecret("secret:x", new Dictionary<string, string> { ["BAD"] = "v" }, new SecretOptions()));
        Assert.Empty(_runner.Calls);
    }

    [Fact]
    public void Secret_values_never_appear_on_argv_and_files_hold_them_exactly_then_vanish()
    {
        const string value = "-s3cret \"quoted\"\nline two ✓ 😀";
        var seen = new List<(string Path, string Content, UnixFileMode? Mode)>();
        UnixFileMode? dirMode = null;
        _runner.Returns("secret-add", "secret:x\n");
        _runner.OnCall = call =>
        {
            foreach (var arg in call.Args.Where(a => a.Contains("#file=", StringComparison.Ordinal)))
            {
                var path = arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..];
                UnixFileMode? mode = OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(path);
                seen.Add((path, File.ReadAllText(path, Encoding.UTF8), mode));
                dirMode = OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(Path.GetDirectoryName(path)!);
            }
        };

        Backend.AddSecret(new Dictionary<string, string> { ["password"] = value, ["user"] = "bob" }, SecretOwner.Unit, new SecretOptions());

        var call = Assert.Single(_runner.Calls);
        Assert.DoesNotContain(call.Args, a => a.Contains("s3cret", StringComparison.Ordinal) || a.Contains("bob", StringComparison.Ordinal));
        Assert.Null(call.Stdin);
        Assert.Equal(2, seen.Count);
        Assert.Equal(value, seen[0].Content);
        Assert.Equal("bob", seen[1].Content);
        Assert.Equal(Path.GetDirectoryName(seen[0].Path), Path.GetDirectoryName(seen[1].Path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.All(seen, s => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, s.Mode));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, dirMode);
            Assert.Equal(UnixFileMode.None, dirMode!.Value & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute));
        }

        Assert.All(seen, s => Assert.False(File.Exists(s.Path)));
        Assert.False(Directory.Exists(Path.GetDirectoryName(seen[0].Path)));
    }

    [Fact]
    public void Secret_temp_files_are_removed_when_the_tool_fails()
    {
        string? dir = null;
        _runner.Fails("secret-set", 1, "ERROR this unit is not the leader\n");
        _runner.OnCall = call => dir = Path.GetDirectoryName(call.Args[^1][(call.Args[^1].IndexOf('=', StringComparison.Ordinal) + 1)..]);

        Assert.Throws<PermissionDeniedException>(
            () => Backend.SetSecret("secret:x", new Dictionary<string, string> { ["password"] = "p" }, new SecretOptions()));

        Assert.NotNull(dir);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void GetSecret_needs_an_id_or_a_label()
    {
        Assert.Throws<ArgumentException>(() => Backend.GetSecret(null, null, false, false));
        Assert.Empty(_runner.Calls);
    }

    [Fact]
    public void GetSecret_rejects_refresh_with_peek()
    {
        Assert.Throws<ArgumentException>(() => Backend.GetSecret("secret:x", null, refresh: true, peek: true));
        Assert.Empty(_runner.Calls);
    }

    // ---- status-set ----

    [Theory]
    [InlineData(StatusKind.Error)]
    [InlineData(StatusKind.Unknown)]
    [InlineData(StatusKind.Terminated)]
    public void SetStatus_rejects_statuses_a_charm_cannot_set(StatusKind kind)
    {
        Assert.Throws<ArgumentException>(() => Backend.SetStatus(new Status(kind, "x"), application: false));
        Assert.Empty(_runner.Calls);
    }

    [Fact]
    public void SetStatus_message_over_the_kernel_limit_is_an_argument_error_not_E2BIG()
    {
        var ex = Assert.Throws<ArgumentException>(
            () => Backend.SetStatus(Status.Blocked(new string('m', HookToolBackend.MaxArgumentBytes + 1)), application: false));
        Assert.Contains("status-set", ex.Message);
        Assert.Empty(_runner.Calls);
    }

    // ---- juju-log ----

    [Fact]
    public void Log_short_message_is_one_call()
    {
        Backend.Log(JujuLogLevel.Info, new string('a', HookToolBackend.MaxArgumentBytes));
        Assert.Single(_runner.Calls);
    }

    [Fact]
    public void Log_splits_by_utf8_bytes_without_breaking_characters()
    {
        // 3-byte characters: 50,000 of them is 150,000 bytes but only 50,000 chars (ops would not split it).
        var message = string.Concat(Enumerable.Repeat("€", 50_000)) + "end😀";
        Backend.Log(JujuLogLevel.Warning, message);

        Assert.All(_runner.Calls, c => Assert.Equal(["--log-level", "WARNING", "--"], c.Args.Take(3)));
        var texts = _runner.Calls.Select(c => c.Args[3]).ToList();
        Assert.True(texts.Count >= 3, $"expected a preface and at least two parts, got {texts.Count} calls");
        var parts = texts.Skip(1).ToList();
        Assert.All(parts, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, HookToolBackend.MaxArgumentBytes));
        Assert.All(parts, p => Assert.DoesNotContain('\uFFFD', p));
        Assert.Equal(message, string.Concat(parts));
        Assert.Contains(parts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), texts[0]);
    }

    [Fact]
    public void Log_splitting_keeps_surrogate_pairs_whole()
    {
        var message = string.Concat(Enumerable.Repeat("😀", 40_000)); // 160,000 bytes
        Backend.Log(JujuLogLevel.Info, message);
        var parts = _runner.Calls.Skip(1).Select(c => c.Args[3]).ToList();
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(message, string.Concat(parts));
    }

    [Fact]
    public void SplitUtf8_returns_the_text_unchanged_when_it_fits()
    {
        Assert.Equal(["héllo"], HookToolBackend.SplitUtf8("héllo", 6));
        Assert.Equal(["hé", "llo"], HookToolBackend.SplitUtf8("héllo", 3));
    }

    // ---- relation-set / state-set stdin ----

    [Fact]
    public void Relation_data_stdin_preserves_exact_text_as_yaml_safe_json()
    {
        var changes = new Dictionary<string, string>
        {
            ["spaces"] = "  padded  ",
            ["quote"] = "a\"b\\c",
            ["lines"] = "a\nb\r\n\tc",
            ["emoji"] = "x😀y",
            ["seps"] = "\u0085\u2028\u2029\u007f\u0001",
            ["html"] = "<&>'+",
        };
        Backend.SetRelationData("db", 1, changes, isApp: false);
        Assert.Equal(
            "{\"spaces\":\"  padded  \",\"quote\":\"a\\\"b\\\\c\",\"lines\":\"a\\nb\\r\\n\\tc\",\"emoji\":\"x😀y\","
            + "\"seps\":\"\\u0085\\u2028\\u2029\\u007F\\u0001\",\"html\":\"<&>'+\"}",
            Assert.Single(_runner.Calls).Stdin);
    }

    [Fact]
    public void Relation_data_stdin_round_trips_through_a_json_parser()
    {
        var changes = new Dictionary<string, string> { ["k"] = "v\u0000w\u2028\"\\😀", ["empty"] = "" };
        Backend.SetRelationData("db", 1, changes, isApp: false);
        var parsed = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(_runner.Calls).Stdin!)!.AsObject();
        Assert.Equal(changes["k"], parsed["k"]!.GetValue<string>());
        Assert.Equal("", parsed["empty"]!.GetValue<string>());
    }

    [Fact]
    public void Relation_data_rejects_an_empty_key()
    {
        Assert.Throws<ArgumentException>(() => Backend.SetRelationData("db", 1, new Dictionary<string, string> { [""] = "v" }, false));
        Assert.Empty(_runner.Calls);
    }

    // ---- other argument checks ----

    [Fact]
    public void AddStorage_rejects_a_count_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Backend.AddStorage("data", 0));
        Assert.Empty(_runner.Calls);
    }

    [Fact]
    public void FailAction_message_over_the_kernel_limit_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => Backend.FailAction(new string('x', HookToolBackend.MaxArgumentBytes + 1)));
        Assert.Empty(_runner.Calls);
    }
}
