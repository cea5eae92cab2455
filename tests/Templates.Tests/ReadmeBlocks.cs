namespace Charmarr.Templates.Tests;

/// <summary>The <c>bash</c> code blocks of one section of a Markdown file, as a reader copies them.</summary>
internal static class ReadmeBlocks
{
    /// <summary>The bash blocks under the level-2 heading <paramref name="heading"/>, up to the next level-2 heading.</summary>
    /// <param name="markdown">The Markdown text.</param>
    /// <param name="heading">The heading's text, without <c>## </c>.</param>
    /// <returns>Each block's lines joined with <c>\n</c>, in order.</returns>
    /// <exception cref="InvalidOperationException">There is no such heading, or no bash block under it.</exception>
    public static IReadOnlyList<string> Bash(string markdown, string heading)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.IndexOf(lines, $"## {heading}");
        if (start < 0)
        {
            throw new InvalidOperationException($"no heading \"## {heading}\"");
        }

        var blocks = new List<string>();
        List<string>? block = null;
        foreach (var line in lines.Skip(start + 1))
        {
            if (block is null && line.StartsWith("## ", StringComparison.Ordinal))
            {
                break;
            }

            if (block is null && line == "```bash")
            {
                block = [];
            }
            else if (block is not null && line.StartsWith("```", StringComparison.Ordinal))
            {
                blocks.Add(string.Join('\n', block));
                block = null;
            }
            else
            {
                block?.Add(line);
            }
        }

        return blocks.Count > 0 ? blocks : throw new InvalidOperationException($"no bash block under \"## {heading}\"");
    }

    /// <summary>The commands of a block: each line without its <c>#</c> comment and surrounding blanks, empty lines left out.</summary>
    /// <param name="block">A bash block.</param>
    /// <returns>The commands, in order.</returns>
    public static IReadOnlyList<string> Commands(string block) =>
        block.Split('\n')
            .Select(line => (line.IndexOf(" #", StringComparison.Ordinal) is var hash and >= 0 ? line[..hash] : line).Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
}
