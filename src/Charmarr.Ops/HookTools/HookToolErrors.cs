using System.Globalization;
using Charmarr.Ops.Backend;

namespace Charmarr.Ops.HookTools;

/// <summary>Turns a failed hook tool into the matching <see cref="JujuModelException"/>: the one place errors are mapped.</summary>
internal static class HookToolErrors
{
    private const int MaxShownOutput = 500;

    /// <summary>The exception for a tool that exited non-zero.</summary>
    /// <param name="tool">The tool.</param>
    /// <param name="result">What it did.</param>
    /// <returns>The exception to throw.</returns>
    public static JujuModelException FromResult(string tool, HookToolResult result)
    {
        var stderr = result.Stderr ?? string.Empty;
        var detail = stderr.Trim();
        if (detail.StartsWith("ERROR ", StringComparison.Ordinal))
        {
            detail = detail["ERROR ".Length..].Trim();
        }

        var message = detail.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{tool} failed (exit {result.ExitCode})")
            : string.Create(CultureInfo.InvariantCulture, $"{tool} failed (exit {result.ExitCode}): {detail}");

        // secret-grant/secret-revoke take -r too; their "relation not found" is about the relation, not the secret.
        if ((tool.StartsWith("relation-", StringComparison.Ordinal) || tool.StartsWith("network-", StringComparison.Ordinal)
                || tool is "secret-grant" or "secret-revoke")
            && Has(stderr, "relation not found"))
        {
            return new RelationNotFoundException(message, tool, result.ExitCode, stderr);
        }

        if (tool.StartsWith("secret-", StringComparison.Ordinal) && Has(stderr, "not found") && !Has(stderr, "secret key value"))
        {
            return new SecretNotFoundException(message, tool, result.ExitCode, stderr);
        }

        if (Has(stderr, "not the leader") || Has(stderr, "permission denied") || Has(stderr, "cannot write relation settings"))
        {
            return new PermissionDeniedException(message, tool, result.ExitCode, stderr);
        }

        return new JujuModelException(message, tool, result.ExitCode, stderr);
    }

    /// <summary>The exception for output that could not be understood.</summary>
    /// <param name="tool">The tool.</param>
    /// <param name="output">What it printed.</param>
    /// <param name="why">What was wrong with it.</param>
    /// <param name="cause">The parse error, if any.</param>
    /// <returns>The exception to throw.</returns>
    public static JujuModelException BadOutput(string tool, string output, string why, Exception? cause = null)
    {
        var shown = output.Length > MaxShownOutput ? output[..MaxShownOutput] + "…" : output;
        var message = $"{tool} printed output Charmarr.Ops cannot understand ({why}): {shown.TrimEnd()}";
        return cause is null ? new JujuModelException(message) : new JujuModelException(message, cause);
    }

    private static bool Has(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
