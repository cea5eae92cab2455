namespace Charmarr.Ops.Kubernetes;

/// <summary>RFC 6901 JSON pointers: escaping a member name into a path segment, and splitting a path back into names.</summary>
internal static class JsonPointer
{
    /// <summary>Escapes a member name for use as one segment (<c>~</c> becomes <c>~0</c>, <c>/</c> becomes <c>~1</c>).</summary>
    /// <param name="name">The member name, e.g. <c>gpu.intel.com/i915</c>.</param>
    /// <returns>The segment, e.g. <c>gpu.intel.com~1i915</c>.</returns>
    public static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Splits a pointer into its unescaped segments; the empty pointer (the whole document) has none.</summary>
    /// <param name="pointer">The pointer, e.g. <c>/spec/template/spec/volumes/0</c>.</param>
    /// <param name="segments">The segments.</param>
    /// <returns>Whether <paramref name="pointer"/> is a well-formed pointer.</returns>
    public static bool TryParse(string pointer, out IReadOnlyList<string> segments)
    {
        segments = [];
        if (pointer.Length == 0)
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            return false;
        }

        var parts = pointer[1..].Split('/');
        var result = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            if (!TryUnescape(part, out var name))
            {
                return false;
            }

            result.Add(name);
        }

        segments = result;
        return true;
    }

    private static bool TryUnescape(string segment, out string name)
    {
        name = segment;
        for (var i = segment.IndexOf('~', StringComparison.Ordinal); i >= 0; i = segment.IndexOf('~', i + 1))
        {
            if (i + 1 >= segment.Length || segment[i + 1] is not ('0' or '1'))
            {
                return false;
            }
        }

        name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        return true;
    }
}
