using Charmarr.Fuzz.Targets;
using Charmarr.Interfaces.MediaStorage;
using Charmarr.Ops.Pebble;
using CsCheck;

namespace Charmarr.Fuzz.Tests;

/// <summary>Structure-aware properties with CsCheck (fixed seeds, small counts; CsCheck shrinks a failure to a small case).</summary>
public sealed class PropertyTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.Char.AlphaNumeric, 0, 12];

    [Fact]
    public void Valid_media_storage_data_round_trips_through_the_wire_format()
    {
        var gen = Gen.Select(Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 20], Text, Gen.Int[0, 65535], Gen.Int[0, 65535])
            .Select((pvc, path, uid, gid) => new MediaStorageProviderData(pvc, "/" + path, uid, gid));
        var target = new RelationDataTarget<MediaStorageProviderData>("storage");

        gen.Sample(data => target.Run(RelationDataWire.Write(data)).Verdict == FuzzVerdict.Accepted, iter: 300, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Layer_with_generated_services_round_trips_through_its_yaml()
    {
        var service = Gen.Select(Text, Gen.String[Gen.Char[" \t!#$%&()*+,-./abcXYZ:;<=>?@[]^_{|}~é\"'"], 0, 20], Gen.Int[0, 100_000])
            .Select((summary, command, uid) => new PebbleService { Override = PebbleOverride.Replace, Summary = summary, Command = "/bin/" + command, UserId = uid });
        var gen = Gen.Dictionary(Gen.String[Gen.Char["abcdefghij"], 1, 6], service)[0, 4]
            .Select(services => new PebbleLayer { Summary = "s", Services = services });
        var target = new PebbleLayerTarget();

        gen.Sample(layer => target.Run(layer.ToYaml()).Verdict == FuzzVerdict.Accepted, iter: 300, seed: "0N0XIzNsQ0O2");
    }
}
