namespace Charmarr.Ops.Pebble;

/// <summary>The error kinds Pebble puts in an error's <c>kind</c> field.</summary>
public static class PebbleErrorKinds
{
    /// <summary>A file or directory does not exist.</summary>
    public const string NotFound = "not-found";

    /// <summary>Pebble may not access the path.</summary>
    public const string PermissionDenied = "permission-denied";

    /// <summary>Any other file error.</summary>
    public const string GenericFileError = "generic-file-error";

    /// <summary>Autostart found no <c>startup: enabled</c> service.</summary>
    public const string NoDefaultServices = "no-default-services";

    /// <summary>The caller is not allowed to use the endpoint.</summary>
    public const string LoginRequired = "login-required";
}
