namespace Charmarr.Interfaces.Tracing;

/// <summary>A receiver the tracing provider (Tempo, or an agent in front of it) listens on.</summary>
/// <param name="Protocol">The receiver protocol, e.g. <c>otlp_http</c>.</param>
/// <param name="Transport">Its transport, <c>http</c> or <c>grpc</c>.</param>
/// <param name="Url">Where it listens, e.g. <c>http://tempo.cos.svc.cluster.local:4318</c> (grpc: no scheme).</param>
public sealed record TracingReceiver(string Protocol, string Transport, string Url);
