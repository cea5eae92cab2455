using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Charmarr.Ops.Metadata;

/// <summary>
/// Loads YAML into YamlDotNet's representation model with a nesting limit, and with every failure of the library as a
/// <see cref="YamlException"/>: the model is built by recursion, so a document nested thousands of levels deep would
/// otherwise overflow the stack and kill the process (no exception a hook could catch). The events are counted as the
/// parser (which does not recurse) produces them, before any node is built.
/// </summary>
internal static class YamlDepthLimit
{
    /// <summary>The deepest nesting of mappings and sequences accepted: far beyond any charm metadata or Pebble layer.</summary>
    public const int MaxDepth = 64;

    /// <summary>Loads a YAML stream.</summary>
    /// <param name="text">The YAML.</param>
    /// <returns>The stream.</returns>
    /// <exception cref="YamlException">The text is not YAML, is nested deeper than <see cref="MaxDepth"/>, or the library
    /// refused it otherwise (e.g. a duplicate key); <see cref="Mark"/>s say where when known.</exception>
    public static YamlStream Load(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        var parser = new Limited(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException or InvalidCastException or KeyNotFoundException or NotSupportedException)
        {
            var at = parser.Current?.Start ?? Mark.Empty;
            throw new YamlException(at, parser.Current?.End ?? Mark.Empty, e.Message, e);
        }

        return stream;
    }

    /// <summary>The first mapping key that is not a scalar (a mapping or a list used as a key), or <see langword="null"/>.</summary>
    /// <param name="root">The document's root.</param>
    /// <returns>The offending key node.</returns>
    public static YamlNode? FirstNonScalarKey(YamlNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var pending = new Stack<YamlNode>([root]);
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        while (pending.TryPop(out var node))
        {
            if (!seen.Add(node))
            {
                continue;
            }

            switch (node)
            {
                case YamlMappingNode map:
                    foreach (var (key, value) in map.Children)
                    {
                        if (key is not YamlScalarNode)
                        {
                            return key;
                        }

                        pending.Push(value);
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }

        return null;
    }

    private sealed class Limited(IParser inner) : IParser
    {
        private int depth;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            switch (inner.Current)
            {
                case MappingStart or SequenceStart when ++depth > MaxDepth:
                    throw new YamlException(inner.Current.Start, inner.Current.End, $"nested deeper than {MaxDepth} levels of mappings and lists");
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }

            return true;
        }
    }
}
