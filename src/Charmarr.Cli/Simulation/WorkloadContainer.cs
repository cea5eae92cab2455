namespace Charmarr.Cli.Simulation;

/// <summary>
/// A workload container of the emulated unit: a Pebble the charm reaches on a unix socket, and what the scenario's
/// workload steps (<c>file</c>, <c>check-up</c>, <c>notice</c>, <c>exec</c>) do to it. Served by the Pebble simulator
/// (<see cref="SimulatedContainer"/>) or by a real Pebble in a private root (<see cref="RealPebble.RealPebbleContainer"/>).
/// </summary>
internal interface IWorkloadContainer : IAsyncDisposable
{
    /// <summary>The container's name in metadata.yaml.</summary>
    string Name { get; }

    /// <summary>The Pebble socket the charm uses (<c>&lt;dir&gt;/&lt;container&gt;/pebble.socket</c>).</summary>
    string SocketPath { get; }

    /// <summary>What serves the socket, for the printout.</summary>
    string Description { get; }

    /// <summary>Writes a file as the workload would: the content, owned by the step's uid:gid (default 0:0), missing
    /// parents made.</summary>
    /// <param name="file">The step.</param>
    /// <returns>A task.</returns>
    Task WriteFileAsync(FileStep file);

    /// <summary>Makes sure a run of a check in the plan has succeeded; a check the plan lacks is a scenario error.</summary>
    /// <param name="check">The step.</param>
    /// <returns>A task.</returns>
    Task CheckUpAsync(CheckUpStep check);

    /// <summary>Makes sure the workload has recorded the step's custom notice, and gives its id.</summary>
    /// <param name="notice">The step.</param>
    /// <returns>The notice's id, for <c>JUJU_NOTICE_ID</c>.</returns>
    Task<string> NoticeAsync(NoticeStep notice);

    /// <summary>Answers commands with the step's prefix from now on, or says why it cannot.</summary>
    /// <param name="exec">The step.</param>
    /// <returns><see langword="null"/> when the container answers them; otherwise a note for the printout.</returns>
    string? AnswerExec(ExecStep exec);

    /// <summary>The scenario error for a <c>check-up</c> on a check the plan does not have (the same in both modes).</summary>
    /// <param name="check">The step.</param>
    /// <returns>The exception to throw.</returns>
    static CliException NoSuchCheck(CheckUpStep check) =>
        new($"scenario line {check.Line}: the {check.Container} container's plan has no check '{check.Check}' yet; a check-up step goes after the charm adds it");
}
