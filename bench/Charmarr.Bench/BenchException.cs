namespace Charmarr.Bench;

/// <summary>A problem the person running the benchmark can fix; printed without a stack trace.</summary>
internal sealed class BenchException(string message) : Exception(message);
