using System.Text;

namespace Charmarr.Interfaces.PrometheusScrape;

/// <summary>
/// Adds topology label matchers to every series selector of a PromQL expression, as cos-tool's <c>transform</c> does
/// for the Python libraries: <c>up &lt; 1</c> becomes <c>up{juju_application="plex",juju_model="media",juju_model_uuid="…"} &lt; 1</c>
/// (matchers sorted by name, no spaces). Only selectors change, so the result equals cos-tool's when the expression is
/// already in Prometheus's printed form (binary operators spaced, aggregation as <c>sum by (x) (…)</c>), as a charm's
/// own rules are written.
/// </summary>
internal static class PromQlTopology
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "unless", "bool", "offset", "atan2", "inf", "nan", "Inf", "NaN",

        // Aggregation operators, which may be followed by "by (…)" before their parenthesis.
        "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio",
    };

    private static readonly HashSet<string> LabelListKeywords = new(StringComparer.Ordinal)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right",
    };

    /// <summary>Adds <paramref name="matchers"/> to each selector of <paramref name="expression"/>.</summary>
    /// <param name="expression">The PromQL expression.</param>
    /// <param name="matchers">Label names and values.</param>
    /// <returns>The expression with the matchers.</returns>
    public static string Inject(string expression, IReadOnlyList<KeyValuePair<string, string>> matchers)
    {
        if (matchers.Count == 0)
        {
            return expression;
        }

        var injected = string.Join(',', matchers.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}=\"{Escape(m.Value)}\""));
        var output = new StringBuilder(expression.Length + 128);
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (c is '"' or '\'' or '`')
            {
                var end = SkipString(expression, i);
                output.Append(expression, i, end - i);
                i = end;
            }
            else if (c == '[')
            {
                var end = expression.IndexOf(']', i);
                end = end < 0 ? expression.Length : end + 1;
                output.Append(expression, i, end - i);
                i = end;
            }
            else if (c == '{')
            {
                // A selector without a metric name: {job="x"}.
                i = AppendSelector(expression, i, injected, output);
            }
            else if (char.IsAsciiLetter(c) || c is '_' or ':')
            {
                var start = i;
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] is '_' or ':'))
                {
                    i++;
                }

                var word = expression[start..i];
                output.Append(word);
                var next = SkipSpaces(expression, i);
                if (LabelListKeywords.Contains(word))
                {
                    if (next < expression.Length && expression[next] == '(')
                    {
                        var close = expression.IndexOf(')', next);
                        close = close < 0 ? expression.Length : close + 1;
                        output.Append(expression, i, close - i);
                        i = close;
                    }
                }
                else if (Keywords.Contains(word) || (next < expression.Length && expression[next] == '('))
                {
                    // A function, an aggregation or an operator keyword.
                }
                else if (i < expression.Length && expression[i] == '{')
                {
                    i = AppendSelector(expression, i, injected, output);
                }
                else
                {
                    output.Append('{').Append(injected).Append('}');
                }
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < expression.Length && char.IsAsciiDigit(expression[i + 1])))
            {
                var start = i;
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] is '.' or '_'))
                {
                    i++;
                }

                output.Append(expression, start, i - start);
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        return output.ToString();
    }

    // Appends "{existing,injected}" for the selector's braces starting at open; returns the index after them.
    private static int AppendSelector(string expression, int open, string injected, StringBuilder output)
    {
        var i = open + 1;
        while (i < expression.Length && expression[i] != '}')
        {
            i = expression[i] is '"' or '\'' or '`' ? SkipString(expression, i) : i + 1;
        }

        var existing = expression[(open + 1)..Math.Min(i, expression.Length)].Trim().TrimEnd(',');
        output.Append('{');
        if (existing.Length > 0)
        {
            output.Append(existing).Append(',');
        }

        output.Append(injected).Append('}');
        return Math.Min(i + 1, expression.Length);
    }

    private static int SkipString(string expression, int start)
    {
        var quote = expression[start];
        var i = start + 1;
        while (i < expression.Length && expression[i] != quote)
        {
            i += expression[i] == '\\' && quote != '`' ? 2 : 1;
        }

        return Math.Min(i + 1, expression.Length);
    }

    private static int SkipSpaces(string expression, int i)
    {
        while (i < expression.Length && expression[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
