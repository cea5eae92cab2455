using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Charmarr.Interfaces.Common;

/// <summary>
/// Checks of a wire value against what it is used for (a Kubernetes name, an absolute path, a Unix id, a URL). Each
/// returns <see langword="null"/> when the value is fine, else the problem as <c>field 'value' is not …</c>, with the
/// value quoted safely (control characters escaped, long values cut).
/// </summary>
internal static partial class WireChecks
{
    private const int MaxQuoted = 64;

    /// <summary>A Kubernetes object name as PersistentVolumeClaims require: a DNS-1123 subdomain (at most 253 lower-case
    /// letters, digits, '-' and '.', starting and ending with a letter or digit).</summary>
    public static string? KubernetesName(string value, string field) =>
        value.Length is > 0 and <= 253 && Dns1123Subdomain().IsMatch(value)
            ? null
            : $"{field} {Quote(value)} is not a valid Kubernetes name (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253)";

    /// <summary>A Kubernetes namespace or Service name: a DNS-1123 label (at most 63 lower-case letters, digits and '-').</summary>
    public static string? KubernetesLabel(string value, string field) =>
        value.Length is > 0 and <= 63 && Dns1123Label().IsMatch(value)
            ? null
            : $"{field} {Quote(value)} is not a valid Kubernetes name (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63)";

    /// <summary>A Gateway API host name: a DNS-1123 subdomain, optionally after a <c>*.</c> wildcard label.</summary>
    public static string? Hostname(string value, string field) =>
        value.Length is > 0 and <= 253 && Dns1123Subdomain().IsMatch(value.StartsWith("*.", StringComparison.Ordinal) ? value[2..] : value)
            ? null
            : $"{field} {Quote(value)} is not a valid host name";

    /// <summary>An absolute path without '..' segments or control characters, as a container mount path must be.</summary>
    public static string? AbsolutePath(string value, string field) =>
        value.StartsWith('/') && !value.Split('/').Contains("..") && !HasControl(value) && !value.Contains(':', StringComparison.Ordinal)
            ? null
            : $"{field} {Quote(value)} is not an absolute path (it must start with '/' and hold no '..', ':' or control characters)";

    /// <summary>A Unix user or group id: 0 to 2147483647.</summary>
    public static string? UnixId(int value, string field) =>
        value >= 0 ? null : string.Create(CultureInfo.InvariantCulture, $"{field} {value} is not a valid user or group id (0 to 2147483647)");

    /// <summary>An absolute http or https URL.</summary>
    public static string? HttpUrl(string value, string field) =>
        !HasControl(value) && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            ? null
            : $"{field} {Quote(value)} is not an absolute http(s) URL";

    /// <summary>A Juju application name (lower-case letters, digits and '-', starting with a letter).</summary>
    public static string? JujuAppName(string value, string field) =>
        value.Length <= 63 && JujuApplication().IsMatch(value)
            ? null
            : $"{field} {Quote(value)} is not a Juju application name (lower-case letters, digits and '-', starting with a letter)";

    /// <summary>A Juju secret id: <c>secret:</c> followed by the id, without spaces or control characters.</summary>
    public static string? SecretId(string value, string field) =>
        value.StartsWith("secret:", StringComparison.Ordinal) && value.Length > "secret:".Length && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            ? null
            : $"{field} {Quote(value)} is not a Juju secret id (secret:...)";

    /// <summary>A non-empty text without control characters (a name shown to people).</summary>
    public static string? Text(string value, string field) =>
        value.Trim().Length > 0 && !HasControl(value) ? null : $"{field} {Quote(value)} must be a non-empty text without control characters";

    /// <summary>The first problem of several checks, or <see langword="null"/>.</summary>
    public static string? First(params ReadOnlySpan<string?> problems)
    {
        foreach (var problem in problems)
        {
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>The value in single quotes, control characters escaped, cut after 64 characters.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder("'");
        foreach (var c in value.Length > MaxQuoted ? value[..MaxQuoted] : value)
        {
            _ = char.IsControl(c) || char.IsSurrogate(c)
                ? builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}")
                : builder.Append(c);
        }

        return builder.Append(value.Length > MaxQuoted ? "'…" : "'").ToString();
    }

    private static bool HasControl(string value) => value.Any(char.IsControl);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]*[a-z][a-z0-9]*)*\\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex JujuApplication();
}
