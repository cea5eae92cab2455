using System.Diagnostics;

namespace Charmarr.Ops.Testing;

/// <summary>
/// One span Charmarr.Ops recorded during a dispatch (the same spans charm tracing exports): the dispatch itself (named
/// after the event, no parent), each emitted event (<c>emit …</c>, <c>reemit …</c> for a deferred one) and observer,
/// each hook tool, Pebble and Kubernetes call.
/// </summary>
/// <param name="Name">The span's name, e.g. <c>config-changed</c>, <c>emit config-changed</c>, <c>PlexCharm/OnConfigChanged</c>, <c>status-set</c>, <c>pebble GET /v1/services</c>.</param>
/// <param name="SpanId">Its id (16 hex digits).</param>
/// <param name="ParentSpanId">Its parent's id; <see langword="null"/> for the dispatch's root span.</param>
/// <param name="Attributes">Its attributes, as text.</param>
/// <param name="Status">Unset, or Error with <see cref="StatusMessage"/> when what it covers threw.</param>
/// <param name="StatusMessage">The error's type and message, when failed.</param>
/// <param name="EventNames">The names of its events (<c>exception</c> for a recorded exception).</param>
public sealed record CharmSpan(
    string Name,
    string SpanId,
    string? ParentSpanId,
    IReadOnlyDictionary<string, string> Attributes,
    ActivityStatusCode Status,
    string? StatusMessage,
    IReadOnlyList<string> EventNames);
