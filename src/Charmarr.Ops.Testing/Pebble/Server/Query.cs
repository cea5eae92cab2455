using Microsoft.AspNetCore.Http;

namespace Charmarr.Ops.Testing.Pebble.Server;

/// <summary>Query-string helpers with Go's semantics.</summary>
internal static class Query
{
    /// <summary>The first value of a parameter, or empty (Go's <c>Query().Get</c>).</summary>
    public static string Get(HttpContext context, string name) => context.Request.Query[name].FirstOrDefault() ?? "";

    /// <summary>Every value, each split on commas, trimmed, empties dropped (<c>strutil.MultiCommaSeparatedList</c>).</summary>
    public static List<string> List(HttpContext context, string name) =>
        context.Request.Query[name]
            .SelectMany(v => (v ?? "").Split(','))
            .Select(v => v.Trim())
            .Where(v => v.Length > 0)
            .ToList();
}
