namespace Charmarr.Ops.SampleCharm;

/// <summary>A service the charm gets from dependency injection.</summary>
internal interface IGreeter
{
    string Greet(string greeting, string name, bool excited);
}

internal sealed class Greeter : IGreeter
{
    public string Greet(string greeting, string name, bool excited) => $"{greeting}, {name}{(excited ? "!" : ".")}";
}
