namespace Charmarr.Ops.Pebble;

// Pebble reports these as strings and newer releases may add values, so each is a string wrapper with the
// known values as constants: an unknown value survives instead of failing the parse (ops keeps them raw too).

/// <summary>A service's current state: <c>active</c>, <c>inactive</c>, <c>backoff</c>, <c>error</c>.</summary>
/// <param name="Value">The wire value.</param>
public readonly record struct ServiceStatus(string Value)
{
    /// <summary>Starting or running.</summary>
    public static readonly ServiceStatus Active = new("active");

    /// <summary>Never started, stopped, or stopping.</summary>
    public static readonly ServiceStatus Inactive = new("inactive");

    /// <summary>Waiting to be restarted after exiting.</summary>
    public static readonly ServiceStatus Backoff = new("backoff");

    /// <summary>Exited with a failure and will not be restarted.</summary>
    public static readonly ServiceStatus Error = new("error");

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Whether a service starts on replan/autostart: <c>enabled</c> or <c>disabled</c>.</summary>
/// <param name="Value">The wire value.</param>
public readonly record struct ServiceStartup(string Value)
{
    /// <summary>Started by replan and autostart.</summary>
    public static readonly ServiceStartup Enabled = new("enabled");

    /// <summary>Started only when asked for by name.</summary>
    public static readonly ServiceStartup Disabled = new("disabled");

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A check's health: <c>up</c>, <c>down</c> or <c>inactive</c>.</summary>
/// <param name="Value">The wire value.</param>
public readonly record struct CheckStatus(string Value)
{
    /// <summary>Passing (or failing fewer times in a row than its threshold).</summary>
    public static readonly CheckStatus Up = new("up");

    /// <summary>Failed its threshold of times in a row.</summary>
    public static readonly CheckStatus Down = new("down");

    /// <summary>Not running (stopped, or <c>startup: disabled</c>).</summary>
    public static readonly CheckStatus Inactive = new("inactive");

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A check's level: <c>alive</c>, <c>ready</c>, or unset (empty).</summary>
/// <param name="Value">The wire value; empty when unset.</param>
public readonly record struct CheckLevel(string Value)
{
    /// <summary>No level.</summary>
    public static readonly CheckLevel Unset = new(string.Empty);

    /// <summary>A liveness check.</summary>
    public static readonly CheckLevel Alive = new("alive");

    /// <summary>A readiness check (a ready query also matches alive checks).</summary>
    public static readonly CheckLevel Ready = new("ready");

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Whether a check starts with the plan: <c>enabled</c> (the default) or <c>disabled</c>.</summary>
/// <param name="Value">The wire value.</param>
public readonly record struct CheckStartup(string Value)
{
    /// <summary>Runs as soon as it is in the plan.</summary>
    public static readonly CheckStartup Enabled = new("enabled");

    /// <summary>Runs only when started.</summary>
    public static readonly CheckStartup Disabled = new("disabled");

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A file's type as Pebble lists it.</summary>
/// <param name="Value">The wire value.</param>
public readonly record struct PebbleFileType(string Value)
{
    /// <summary>A regular file.</summary>
    public static readonly PebbleFileType File = new("file");

    /// <summary>A directory.</summary>
    public static readonly PebbleFileType Directory = new("directory");

    /// <summary>A symbolic link.</summary>
    public static readonly PebbleFileType Symlink = new("symlink");

    /// <summary>A unix socket.</summary>
    public static readonly PebbleFileType Socket = new("socket");

    /// <summary>A named pipe.</summary>
    public static readonly PebbleFileType NamedPipe = new("named-pipe");

    /// <summary>A device node.</summary>
    public static readonly PebbleFileType Device = new("device");

    /// <summary>Anything else.</summary>
    public static readonly PebbleFileType Unknown = new("unknown");

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A notice's type: <c>custom</c>, <c>change-update</c>, <c>warning</c>.</summary>
/// <param name="Value">The wire value.</param>
public readonly record struct NoticeType(string Value)
{
    /// <summary>A notice added by a client (Juju turns it into <c>pebble-custom-notice</c>).</summary>
    public static readonly NoticeType Custom = new("custom");

    /// <summary>A change was created or changed status; the key is the change id.</summary>
    public static readonly NoticeType ChangeUpdate = new("change-update");

    /// <summary>A warning from the daemon; the key is the text.</summary>
    public static readonly NoticeType Warning = new("warning");

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Which changes to list.</summary>
public enum ChangeSelect
{
    /// <summary>Changes not yet ready (Pebble's default).</summary>
    InProgress,

    /// <summary>Finished changes.</summary>
    Ready,

    /// <summary>Every change.</summary>
    All,
}
