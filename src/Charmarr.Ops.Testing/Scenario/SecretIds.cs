namespace Charmarr.Ops.Testing.Scenario;

/// <summary>Secret URIs in their forms: <c>secret:ID</c>, <c>secret://model-uuid/ID</c> and the bare <c>ID</c>.</summary>
internal static class SecretIds
{
    public static string Bare(string id)
    {
        var rest = id.StartsWith("secret:", StringComparison.Ordinal) ? id["secret:".Length..] : id;
        return rest[(rest.LastIndexOf('/') + 1)..];
    }

    public static bool Same(string a, string b) => Bare(a) == Bare(b);
}
