using System.Text;

namespace Charmarr.Ops.Pebble;

/// <summary>
/// Builds a request target the way ops does (<c>urllib.parse.urlencode(query, doseq=True)</c>): parameters in the
/// order added, repeated for lists, values escaped like Python's <c>quote_plus</c> (space as <c>+</c>, <c>/</c> and
/// <c>,</c> percent-encoded).
/// </summary>
internal sealed class PebbleQuery
{
    private readonly StringBuilder target;
    private bool hasParameters;

    /// <summary>Starts a target.</summary>
    /// <param name="path">The API path, e.g. <c>/v1/files</c>.</param>
    public PebbleQuery(string path)
    {
        target = new StringBuilder(path);
    }

    /// <summary>Adds a parameter.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value; null adds nothing.</param>
    /// <returns>This builder.</returns>
    public PebbleQuery Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        target.Append(hasParameters ? '&' : '?').Append(QuotePlus(name)).Append('=').Append(QuotePlus(value));
        hasParameters = true;
        return this;
    }

    /// <summary>Adds a parameter once per value.</summary>
    /// <param name="name">The name.</param>
    /// <param name="values">The values; null adds nothing.</param>
    /// <returns>This builder.</returns>
    public PebbleQuery AddEach(string name, IEnumerable<string>? values)
    {
        foreach (var value in values ?? [])
        {
            Add(name, value);
        }

        return this;
    }

    /// <summary>The target: path and query.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => target.ToString();

    // EscapeDataString leaves exactly RFC 3986's unreserved characters (the set quote_plus keeps) and writes %20.
    private static string QuotePlus(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
}
