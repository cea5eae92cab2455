namespace Charmarr.Ops.Integration.Xunit;

/// <summary>How integration tests reach Juju, read from environment variables so CI and a developer's shell set them
/// without code changes.</summary>
public sealed record JujuTestSettings
{
    /// <summary><c>CHARMARR_JUJU</c>: the <c>juju</c> binary (default: <c>juju</c> on <c>PATH</c>).</summary>
    public const string BinaryVariable = "CHARMARR_JUJU";

    /// <summary><c>CHARMARR_JUJU_MODEL</c>: run in this existing model instead of a temporary one (never destroyed).</summary>
    public const string ModelVariable = "CHARMARR_JUJU_MODEL";

    /// <summary><c>CHARMARR_JUJU_KEEP_MODELS</c>: <c>1</c>/<c>true</c> keeps the temporary models for a look afterwards.</summary>
    public const string KeepModelsVariable = "CHARMARR_JUJU_KEEP_MODELS";

    /// <summary><c>CHARMARR_JUJU_LOG_DIR</c>: where the debug-log of a failed test goes (default: <c>juju-debug-logs</c>
    /// in the working directory).</summary>
    public const string LogDirectoryVariable = "CHARMARR_JUJU_LOG_DIR";

    /// <summary><c>CHARMARR_JUJU_REQUIRED</c>: <c>1</c>/<c>true</c> turns "no juju" from a skip into a failure (CI
    /// jobs that installed Juju set it, so a broken install cannot pass as skipped).</summary>
    public const string RequiredVariable = "CHARMARR_JUJU_REQUIRED";

    /// <summary><c>CHARMARR_JUJU_CONTROLLER</c>: the controller for temporary models (default: the current one).</summary>
    public const string ControllerVariable = "CHARMARR_JUJU_CONTROLLER";

    /// <summary>The <c>juju</c> binary; <see langword="null"/> for <c>juju</c> on <c>PATH</c>.</summary>
    public string? BinaryPath { get; init; }

    /// <summary>An existing model to reuse; <see langword="null"/> for a temporary one per test class.</summary>
    public string? Model { get; init; }

    /// <summary>Whether temporary models are kept.</summary>
    public bool KeepModels { get; init; }

    /// <summary>Where debug-logs of failed tests go.</summary>
    public string LogDirectory { get; init; } = Path.Combine(Environment.CurrentDirectory, "juju-debug-logs");

    /// <summary>Whether a missing <c>juju</c> fails the tests instead of skipping them.</summary>
    public bool Required { get; init; }

    /// <summary>The <c>PATH</c> searched for <c>juju</c> when <see cref="BinaryPath"/> is not set; <see langword="null"/>
    /// for this process's.</summary>
    public string? SearchPath { get; init; }

    /// <summary>The controller for temporary models.</summary>
    public string? Controller { get; init; }

    /// <summary>Reads the settings from environment variables.</summary>
    /// <param name="read">Reads one variable; default: this process's environment.</param>
    /// <returns>The settings.</returns>
    public static JujuTestSettings FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        string? Text(string name) => read(name) is { Length: > 0 } value ? value.Trim() : null;
        var settings = new JujuTestSettings
        {
            BinaryPath = Text(BinaryVariable),
            Model = Text(ModelVariable),
            KeepModels = IsTrue(Text(KeepModelsVariable)),
            Required = IsTrue(Text(RequiredVariable)),
            Controller = Text(ControllerVariable),
        };
        return Text(LogDirectoryVariable) is { } logs ? settings with { LogDirectory = Path.GetFullPath(logs) } : settings;
    }

    private static bool IsTrue(string? value) =>
        value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase));
}
