using System.Text.Json.Nodes;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Pebble.Json;

namespace Charmarr.Ops.Testing.Tests.Pebble;

public sealed class GoFormatTests
{
    [Theory]
    [InlineData("4.000s", 4_000, "4s")]
    [InlineData("1m30s", 90_000, "1m30s")]
    [InlineData("60s", 60_000, "1m0s")]
    [InlineData("168h", 604_800_000, "168h0m0s")]
    [InlineData("0.5s", 500, "500ms")]
    [InlineData("1.5s", 1_500, "1.5s")]
    [InlineData("0", 0, "0s")]
    public void Durations_parse_and_print_like_go(string text, long milliseconds, string printed)
    {
        Assert.True(GoDuration.TryParse(text, out var duration, out _));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
        Assert.Equal(printed, GoDuration.Format(duration));
    }

    [Theory]
    [InlineData("10", "time: missing unit in duration \"10\"")]
    [InlineData("5x", "time: unknown unit \"x\" in duration \"5x\"")]
    [InlineData("abc", "time: invalid duration \"abc\"")]
    public void Bad_durations_carry_gos_message(string text, string message)
    {
        Assert.False(GoDuration.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void Json_escapes_like_go_marshal()
    {
        var json = GoJson.Serialize(new JsonObject { ["m"] = "a \"q\" <b> & \n é" });

        Assert.Equal("""{"m":"a \"q\" \u003cb\u003e \u0026 \n é"}""", json);
    }

    [Theory]
    [InlineData(1001, "app", null, null, "user \"app\" UID (1000) does not match user-id (1001)")]
    [InlineData(null, "bob", null, null, "user: unknown user bob")]
    [InlineData(null, null, null, "app", "must specify user, not just group")]
    [InlineData(null, "app", 5, "app", "group \"app\" GID (1000) does not match group-id (5)")]
    public void Owner_lookups_fail_with_pebbles_messages(int? userId, string? user, int? groupId, string? group, string message)
    {
        var pebble = new PebbleSimulator();
        pebble.AddUser("app", 1000, 1000);
        pebble.AddGroup("app", 1000);

        var error = Assert.Throws<SimulatedPebbleException>(() =>
            pebble.WriteFile("/f", "x", new FileCreation { UserId = userId, User = user, GroupId = groupId, Group = group }));

        Assert.Equal(("generic-file-error", "cannot look up user and group: " + message), (error.Kind, error.Message));
    }

    [Fact]
    public void A_user_alone_gets_its_primary_group()
    {
        var pebble = new PebbleSimulator();
        pebble.AddUser("app", 1000, 2000);

        pebble.WriteFile("/f", "x", new FileCreation { UserId = 1000 });

        Assert.Equal((1000, "app", 2000, ""), (pebble.ListFiles("/f")[0].UserId, pebble.ListFiles("/f")[0].User, pebble.ListFiles("/f")[0].GroupId, pebble.ListFiles("/f")[0].Group));
    }
}
