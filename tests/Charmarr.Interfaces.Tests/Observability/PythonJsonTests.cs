using System.Text.Json.Nodes;
using Charmarr.Interfaces.Observability;

namespace Charmarr.Interfaces.Tests.Observability;

public sealed class PythonJsonTests
{
    [Fact]
    public void Writes_what_python_json_dumps_writes_for_escapes_floats_and_literals()
    {
        var node = JsonNode.Parse("""{"a":"é😀\u007f\u0001/<>&'","b":[1.0,2.5e-07,1e16,1e15,-0.0,3],"c":null,"d":true}""");

        // python3 -c 'import json; print(json.dumps({"a":"é😀\x7f\x01/<>&\x27","b":[1.0,2.5e-07,1e16,1e15,-0.0,3],"c":None,"d":True}))'
        Assert.Equal(
            """{"a": "\u00e9\ud83d\ude00\u007f\u0001/<>&'", "b": [1.0, 2.5e-07, 1e+16, 1000000000000000.0, -0.0, 3], "c": null, "d": true}""",
            PythonJson.Dumps(node));
    }

    [Theory]
    [InlineData(0.5, "0.5")]
    [InlineData(123.456, "123.456")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(1234567890123456.7, "1234567890123456.8")]
    [InlineData(-3.0, "-3.0")]
    [InlineData(1.5e300, "1.5e+300")]
    public void Floats_are_pythons_repr(double value, string repr) => Assert.Equal(repr, PythonJson.FloatRepr(value));
}
