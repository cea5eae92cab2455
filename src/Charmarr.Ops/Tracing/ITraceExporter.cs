namespace Charmarr.Ops.Tracing;

/// <summary>Delivers an OTLP/HTTP JSON request body to a destination.</summary>
internal interface ITraceExporter
{
    /// <summary>Posts <paramref name="payload"/>; returns <see langword="null"/> on a 2xx answer, else why it failed.</summary>
    /// <param name="destination">Where.</param>
    /// <param name="payload">The <c>ExportTraceServiceRequest</c> as JSON.</param>
    /// <param name="deadline">How long the whole export may take.</param>
    /// <returns>The failure's reason, or <see langword="null"/>.</returns>
    Task<string?> ExportAsync(TracingDestination destination, byte[] payload, TimeSpan deadline);
}
