namespace Charmarr.Ops.Tracing;

/// <summary>The bounds of charm tracing's export: buffer size, the export deadline, and the pause after a failed export.</summary>
/// <param name="MaxBufferBytes">The most bytes of buffered spans kept on disk.</param>
/// <param name="MaxBufferedDispatches">The most dispatches kept on disk.</param>
/// <param name="ExportDeadline">How long one export may take (connect, send, answer).</param>
/// <param name="RetryPause">After a failed export, dispatches only buffer until this much time has passed.</param>
internal sealed record TracingLimits(int MaxBufferBytes, int MaxBufferedDispatches, TimeSpan ExportDeadline, TimeSpan RetryPause)
{
    /// <summary>1 MiB or 300 dispatches, a 1 s deadline, a 60 s pause.</summary>
    public static TracingLimits Default { get; } = new(1024 * 1024, 300, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
}
