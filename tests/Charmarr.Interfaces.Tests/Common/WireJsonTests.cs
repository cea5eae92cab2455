using System.Text;
using Charmarr.Interfaces.Common;
using Charmarr.Interfaces.MediaManager;
using Charmarr.Interfaces.MediaServer;
using Charmarr.Interfaces.MediaStorage;

namespace Charmarr.Interfaces.Tests.Common;

/// <summary>The bytes pydantic's <c>model_dump_json()</c> writes, which the Python charms compare and parse.</summary>
public sealed class WireJsonTests
{
    private static string PvcJson(string pvcName) => WireJson.Serialize(new MediaStorageRequirerData(pvcName));

    [Theory]
    [InlineData("plex-é", """{"instance_name":"plex-é"}""")]
    [InlineData("日本語", """{"instance_name":"日本語"}""")]
    [InlineData("film 🎬", """{"instance_name":"film 🎬"}""")]
    [InlineData("a+b<c>d&e'f", """{"instance_name":"a+b<c>d&e'f"}""")]
    [InlineData("/path/to", """{"instance_name":"/path/to"}""")]
    [InlineData("del\u007f", "{\"instance_name\":\"del\u007f\"}")]
    [InlineData("\u2028\u00a0", "{\"instance_name\":\"\u2028\u00a0\"}")]
    public void Non_ASCII_and_HTML_sensitive_characters_are_written_raw(string value, string expected)
    {
        var json = PvcJson(value);

        Assert.Equal(expected, json);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(json));
    }

    [Theory]
    [InlineData("quote\"", """{"instance_name":"quote\""}""")]
    [InlineData("back\\slash", """{"instance_name":"back\\slash"}""")]
    [InlineData("nl\ntab\tcr\rbs\bff\f", """{"instance_name":"nl\ntab\tcr\rbs\bff\f"}""")]
    [InlineData("nul\u0000unit\u001fesc\u001b", """{"instance_name":"nul\u0000unit\u001fesc\u001b"}""")]
    public void Only_quotes_backslashes_and_control_characters_are_escaped_the_way_pydantic_does(string value, string expected)
    {
        Assert.Equal(expected, PvcJson(value));
    }

    [Fact]
    public void Nulls_are_written_and_fields_keep_the_Python_models_order()
    {
        var json = WireJson.Serialize(new MediaServerProviderData("plex", "http://plex:32400"));

        Assert.Equal("""{"name":"plex","api_url":"http://plex:32400","web_url":null,"server":null,"credentials_secret_id":null}""", json);
    }

    [Fact]
    public void Escaped_text_reads_back_to_the_original()
    {
        const string value = "é\"\\\n\u0001🎬+<>&'";

        // QualityProfile: a name is free text (instance_name must be a Juju application name, so it cannot carry these).
        Assert.True(WireJson.TryDeserialize<QualityProfile>(WireJson.Serialize(new QualityProfile(1, value)), out var data, out _));
        Assert.Equal(value, data!.Name);
    }

    [Fact]
    public void Escapes_written_by_other_JSON_writers_are_read_too()
    {
        Assert.True(WireJson.TryDeserialize<QualityProfile>("""{"id":1,"name":"\u00e9\u002B\/"}""", out var data, out _));

        Assert.Equal("é+/", data!.Name);
    }
}
