using Xunit;
using System.Globalization;
using System.Text;
using Charmarr.Ops.Integration.Cli;

namespace Charmarr.Ops.Integration.Xunit;

/// <summary>
/// A Juju model for one test class (<c>IClassFixture&lt;JujuModelFixture&gt;</c>): a temporary model named
/// <c>&lt;prefix&gt;-&lt;random&gt;</c>, added before the first test and destroyed (with its storage) after the last, unless
/// <see cref="JujuTestSettings.KeepModels"/> keeps it or <see cref="JujuTestSettings.Model"/> names an existing model
/// to reuse. Where no <c>juju</c> is installed, <see cref="Juju"/> skips the test that asks for it, with the reason.
/// Derive to change <see cref="ModelPrefix"/> or to deploy once per class.
/// </summary>
public class JujuModelFixture : IAsyncLifetime
{
    private readonly JujuTestSettings settings;
    private readonly JujuClientOptions clientOptions;
    private JujuClient? juju;
    private bool created;

    /// <summary>Creates the fixture from the environment (see <see cref="JujuTestSettings"/>).</summary>
    public JujuModelFixture()
        : this(JujuTestSettings.FromEnvironment())
    {
    }

    /// <summary>Creates the fixture with explicit settings.</summary>
    /// <param name="settings">Binary, reuse/keep switches, log directory.</param>
    /// <param name="clientOptions">Client options (environment, runner); the binary and model come from <paramref name="settings"/>.</param>
    public JujuModelFixture(JujuTestSettings settings, JujuClientOptions? clientOptions = null)
    {
        this.settings = settings ?? throw new ArgumentNullException(nameof(settings));
        this.clientOptions = clientOptions ?? new JujuClientOptions();
    }

    /// <summary>The start of temporary model names (default <c>charmarr-it</c>).</summary>
    protected virtual string ModelPrefix => "charmarr-it";

    /// <summary>The settings in force.</summary>
    public JujuTestSettings Settings => settings;

    /// <summary>Why the tests cannot run (no <c>juju</c>), or <see langword="null"/> when they can.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The model's name (qualified with the controller when one was set).</summary>
    public string? ModelName => juju?.Model;

    /// <summary>The CLI's version, once the fixture has started.</summary>
    public JujuCliVersion? Version { get; private set; }

    /// <summary>How many tests failed in this model so far.</summary>
    public int FailedTests { get; private set; }

    /// <summary>The client for the model. Skips the calling test (xunit dynamic skip) when no <c>juju</c> is installed.</summary>
    public JujuClient Juju
    {
        get
        {
            if (SkipReason is not null)
            {
                Assert.Skip(SkipReason);
            }

            return juju ?? throw new InvalidOperationException("the fixture has not been initialised (xunit calls InitializeAsync before the first test)");
        }
    }

    /// <summary>Finds <c>juju</c>, reads its version and adds (or picks) the model.</summary>
    /// <returns>When the model is ready.</returns>
    public virtual async ValueTask InitializeAsync()
    {
        var binary = settings.BinaryPath ?? clientOptions.BinaryPath ?? JujuExecutable.Find(settings.SearchPath);
        if (binary is null || (clientOptions.Runner is null && !JujuExecutable.IsExecutableFile(binary)))
        {
            var reason = binary is null
                ? $"No juju on PATH: these integration tests need a Juju controller (see the repository README, \"Integration tests on a real Juju\"); install Juju or set {JujuTestSettings.BinaryVariable}"
                : $"{JujuTestSettings.BinaryVariable}={binary} is not an executable file";
            if (settings.Required || settings.BinaryPath is not null)
            {
                throw new InvalidOperationException(settings.Required ? $"{reason} ({JujuTestSettings.RequiredVariable} is set)" : reason);
            }

            SkipReason = reason;
            return;
        }

        var client = new JujuClient(clientOptions with { BinaryPath = binary, Model = null });
        Version = await client.GetVersionAsync();
        if (settings.Model is not null)
        {
            juju = client.WithModel(settings.Model);
            return;
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{ModelPrefix}-{Guid.NewGuid():N}")[..(ModelPrefix.Length + 7)];
        juju = await client.AddModelAsync(name, settings.Controller);
        created = true;
    }

    /// <summary>Called after each test (by <see cref="JujuIntegrationTest{TFixture}"/>): when it failed, saves the model's
    /// debug-log to <c>&lt;log dir&gt;/&lt;model&gt;/&lt;test&gt;.log</c>.</summary>
    /// <param name="testName">The test's display name.</param>
    /// <param name="failed">Whether it failed.</param>
    /// <returns>The saved log's path, or <see langword="null"/> when nothing was saved.</returns>
    public virtual async Task<string?> AfterTestAsync(string testName, bool failed)
    {
        ArgumentNullException.ThrowIfNull(testName);
        if (!failed || juju is null)
        {
            return null;
        }

        FailedTests++;
        var directory = Path.Combine(settings.LogDirectory, Safe(juju.Model ?? "model"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, Safe(testName) + ".log");
        string log;
        try
        {
            log = await juju.DebugLogAsync();
        }
        catch (JujuCliException e)
        {
            log = $"juju debug-log failed: {e.Message}";
        }

        await File.WriteAllTextAsync(path, log);
        return path;
    }

    /// <summary>Destroys the temporary model, unless kept or reused.</summary>
    /// <returns>When it is gone.</returns>
    public virtual async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (juju?.Model is not { } model || !created || settings.KeepModels)
        {
            return;
        }

        await juju.DestroyModelAsync(model, destroyStorage: true, force: true, timeout: TimeSpan.FromMinutes(10));
    }

    private static string Safe(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return text.Length > 150 ? text.ToString(0, 150) : text.ToString();
    }
}
