using Charmarr.Ops.Integration.Cli;

namespace Charmarr.Ops.Integration;

/// <summary>How a <see cref="JujuClient"/> reaches Juju.</summary>
public sealed record JujuClientOptions
{
    /// <summary>The model commands act on (<c>--model</c>); <see langword="null"/> uses the CLI's current model.
    /// <c>controller:model</c> names another controller's model.</summary>
    public string? Model { get; init; }

    /// <summary>The <c>juju</c> binary; <see langword="null"/> finds <c>juju</c> on <c>PATH</c>. Ignored when
    /// <see cref="Runner"/> is set.</summary>
    public string? BinaryPath { get; init; }

    /// <summary>Variables for every command (e.g. <c>JUJU_DATA</c>); ignored when <see cref="Runner"/> is set.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Runs the commands; default: a <see cref="ProcessJujuCommandRunner"/> over <see cref="BinaryPath"/>.</summary>
    public IJujuCommandRunner? Runner { get; init; }

    /// <summary>Where files handed to <c>juju</c> (action parameters, secret content) are written for the moment of the
    /// command. Default: <c>~/snap/juju/common</c> when the binary is the snap's (a strictly confined snap cannot read
    /// <c>/tmp</c>), the system temp folder otherwise.</summary>
    public string? TemporaryDirectory { get; init; }

    /// <summary>The clock and timers <see cref="JujuClient.WaitAsync"/> uses.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
