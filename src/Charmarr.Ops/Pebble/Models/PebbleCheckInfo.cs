namespace Charmarr.Ops.Pebble;

/// <summary>A health check's state as <c>GET /v1/checks</c> reports it.</summary>
/// <param name="Name">The check name.</param>
/// <param name="Level">Its level.</param>
/// <param name="Startup">Whether it starts with the plan.</param>
/// <param name="Status">Its health.</param>
/// <param name="Failures">Consecutive failures so far.</param>
/// <param name="Threshold">Failures in a row that make it <c>down</c>.</param>
/// <param name="Successes">Successes so far; null from Pebble before v1.23.</param>
/// <param name="ChangeId">The perform-check or recover-check change running it; null when it is not running.</param>
public sealed record PebbleCheckInfo(
    string Name,
    CheckLevel Level,
    CheckStartup Startup,
    CheckStatus Status,
    int Failures,
    int Threshold,
    int? Successes = null,
    string? ChangeId = null);
