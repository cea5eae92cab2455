using System.Text;
using Charmarr.Fuzz.Targets;

namespace Charmarr.Fuzz.Tests;

/// <summary>
/// The minimal inputs of the defects the fuzz targets found (issue 15), each asserting the documented behaviour: a
/// typed refusal (or a read), never an undocumented exception or a broken round trip.
/// </summary>
public sealed class DefectRegressionTests
{
    private static void AssertNoDefect(string target, string input)
    {
        // The socket target with a generous timeout: under load the fuzz default (0.5 s) could turn a defect into a
        // (typed) timeout and hide it.
        var fuzz = target == "pebble-socket" ? new PebbleSocketTarget(TimeSpan.FromSeconds(10)) : FuzzTargets.Create(target);
        try
        {
            var outcome = fuzz.Run(input);
            Assert.False(outcome.IsDefect, $"{target}: {outcome}");
        }
        finally
        {
            (fuzz as IDisposable)?.Dispose();
        }
    }

    private static string Http(string body, string status = "200 OK", string type = "application/json") =>
        Encoding.UTF8.GetString(RawHttpServer.Http(status, body, type));

    [Theory]
    [InlineData("hook-tool-state-get", "{\"a\":\"1\",\"a\":\"2\"}\n")]
    [InlineData("hook-tool-config-get", "{\"port\":1,\"port\":2}\n")]
    [InlineData("hook-tool-relation-get", "{\"user\":\"a\",\"user\":\"b\"}\n")]
    [InlineData("hook-tool-goal-state", "{\"units\":{\"a/0\":{\"status\":\"active\"},\"a/0\":{\"status\":\"active\"}}}\n")]
    public void Hook_tool_json_with_a_duplicate_key_is_a_JujuModelException(string target, string stdout) => AssertNoDefect(target, stdout);

    [Theory]
    [InlineData("hook-tool-state-get", "{\"a\":\"\\ud800\"}\n")]
    [InlineData("hook-tool-relation-ids", "[\"db:\\ud800\"]\n")]
    [InlineData("hook-tool-secret-get", "{\"password\":\"\\udc00\"}\n")]
    public void Hook_tool_json_with_an_escaped_lone_surrogate_is_a_JujuModelException(string target, string stdout) => AssertNoDefect(target, stdout);

    [Theory]
    [InlineData("pebble-layer", "services:\n  a:\n    override: replace\n    kill-delay: 99999999999h\n")]
    [InlineData("pebble-plan", "services:\n  a:\n    override: replace\n    kill-delay: 99999999999h\n")]
    [InlineData("pebble-layer", "services:\n  a:\n    override: replace\n    command: [a\n")]
    [InlineData("pebble-plan", "? : b\n")]
    [InlineData("pebble-layer", "services: [}\n")]
    [InlineData("pebble-layer", ": {\nc")]
    [InlineData("pebble-plan", ": [\nl")]
    [InlineData("pebble-layer", ":\n :")]
    [InlineData("pebble-plan", "services:\n  r:\n    kill-delay: 99999999999999999990s\n")]
    public void Pebble_yaml_errors_are_FormatExceptions(string target, string yaml) => AssertNoDefect(target, yaml);

    [Theory]
    [InlineData("summary: \"\\t tab \\t\"\nservices: {}\n")]
    [InlineData("summary: \"x\\u0085y\"\nservices: {}\n")]
    [InlineData("summary: \"\\t|t\"\nservices: {}\n")]
    [InlineData("services:\n  a:\n    override: replace\n    command: \"x\\u0085y\"\n")]
    public void Pebble_layer_yaml_round_trips_tabs_and_NEL(string yaml) => AssertNoDefect("pebble-layer", yaml);

    [Theory]
    [InlineData("metadata-charmcraft", "name: x\n? {a: 1}\n: b\n")]
    [InlineData("metadata-charmcraft", "name: x\nrequires:\n  ? [a]\n  : {interface: b}\n")]
    [InlineData("metadata-charmcraft", "name: x\nsummary: [}\n")]
    [InlineData("metadata-packed", "? : b\n")]
    [InlineData("metadata-config", "options:\n  a: {type: int, default: [}\n")]
    [InlineData("metadata-actions", "? a:")]
    [InlineData("metadata-packed", ": {\nf")]
    [InlineData("metadata-config", ": [\nc")]
    public void Metadata_errors_are_CharmMetadataExceptions(string target, string yaml) => AssertNoDefect(target, yaml);

    [Fact]
    public void Media_storage_data_with_a_pvc_name_kubernetes_rejects_is_not_accepted() =>
        AssertNoDefect("relation-media-storage-provider", """{"pvc_name":"UPPER_case","mount_path":"/data","puid":1000,"pgid":1000}""");

    [Theory]
    [InlineData("""{"pvc_name":"p","mount_path":"data","puid":1000,"pgid":1000}""")]
    [InlineData("""{"pvc_name":"p","mount_path":"/data","puid":-1,"pgid":1000}""")]
    public void Media_storage_data_with_a_relative_path_or_negative_id_is_not_accepted(string json) =>
        AssertNoDefect("relation-media-storage-provider", json);

    [Fact]
    public void Pebble_answer_whose_envelope_type_is_a_number_is_a_PebbleException() =>
        AssertNoDefect("pebble-socket", "system-info\n" + Http("{\"type\":1,\"status-code\":200,\"status\":\"OK\",\"result\":{\"version\":\"1\"}}"));

    [Fact]
    public void Pebble_pull_whose_response_part_has_an_empty_result_object_is_a_PebbleException()
    {
        const string boundary = "b0undary";
        var body = $"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"/config/a\"\r\n\r\nhello\r\n"
            + $"--{boundary}\r\nContent-Disposition: form-data; name=\"response\"\r\n\r\n{{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":[{{}}]}}\r\n--{boundary}--\r\n";
        AssertNoDefect("pebble-socket", "pull\n" + Http(body, type: $"multipart/form-data; boundary={boundary}"));
    }

    [Fact]
    public void Preferences_with_a_UTF8_BOM_are_read() =>
        Assert.Equal(FuzzVerdict.Accepted, new PreferencesTarget().Run("\ufeff" + PreferencesTarget.Unclaimed).Verdict);

    [Fact]
    public void Preferences_rewrite_keeps_the_DOCTYPE_comments_and_processing_instructions()
    {
        const string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE Preferences>\n<!-- kept -->\n<Preferences FriendlyName=\"x\"/>\n<?pi kept?>\n";
        var preferences = PreferencesTarget.Parse(xml);
        var written = PreferencesTarget.ToXml(preferences);

        Assert.Equal(xml, written);
    }

    [Fact]
    public void A_machine_identifier_with_a_carriage_return_ends_the_claim_with_a_ClaimException() =>
        AssertNoDefect("plex-tv-exchange", "4f1c\rx\n" + Http("<user authenticationToken=\"abc\"/>", type: "application/xml"));
}
