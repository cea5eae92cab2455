using Charmarr.Ops.Context;
using Charmarr.Ops.Hosting;
using Charmarr.Ops.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Charmarr.Interfaces.Tests.Common;

/// <summary>
/// Runs a charm through the production dispatcher against <see cref="MemoryJujuBackend"/>: one hook per dispatch,
/// committed when it exits 0 and rolled back otherwise, as Juju does.
/// </summary>
/// <typeparam name="TCharm">The charm.</typeparam>
internal sealed class CharmFixture<TCharm> : IDisposable
    where TCharm : CharmBase
{
    private readonly CharmApp app;

    public CharmFixture(string unitName, string metadata, Action<CharmAppBuilder>? configure = null)
    {
        Backend = new MemoryJujuBackend(unitName);
        var builder = CharmApp.CreateBuilder([]);
        configure?.Invoke(builder);
        app = builder
            .UseBackend(Backend)
            .UseMetadata(CharmMetadata.ParseCharmcraft(metadata))
            .ConfigureServices(s => s.AddSingleton(Probe))
            .Build<TCharm>();
    }

    public MemoryJujuBackend Backend { get; }

    public Probe<TCharm> Probe { get; } = new();

    /// <summary>Relates <paramref name="endpoint"/> to <paramref name="remoteApp"/>, whose application bag holds
    /// <paramref name="config"/> under <c>config</c> (nothing when <see langword="null"/>) and <paramref name="extra"/>.</summary>
    public int Relate(string endpoint, string remoteApp, string? config = null, params (string Key, string Value)[] extra)
    {
        var id = Backend.AddRelation(endpoint, remoteApp);
        var data = extra.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        if (config is not null)
        {
            data["config"] = config;
        }

        Backend.SetRemoteAppData(id, data);
        return id;
    }

    /// <summary>Asserts the one warning logged says that relation is not ready and why.</summary>
    public void AssertNotReadyWarning(string endpoint, int relationId, string reason)
    {
        var warning = Assert.Single(LogLines(JujuLogLevel.Warning).Distinct());
        Assert.Contains($"{endpoint}:{relationId} is not ready", warning, StringComparison.Ordinal);
        Assert.Contains(reason, warning, StringComparison.Ordinal);
    }

    /// <summary>Asserts no warning was logged and a debug line says that relation is not ready and why.</summary>
    public void AssertNotReadyDebugOnly(string endpoint, int relationId, string reason)
    {
        Assert.Empty(LogLines(JujuLogLevel.Warning));
        Assert.Contains(
            LogLines(JujuLogLevel.Debug),
            line => line.Contains($"{endpoint}:{relationId} is not ready", StringComparison.Ordinal) && line.Contains(reason, StringComparison.Ordinal));
    }

    /// <summary>Runs config-changed with <paramref name="act"/> inside it; fails the test if the hook fails.</summary>
    public void Run(Action<TCharm> act)
    {
        Probe.OnConfigChanged = act;
        try
        {
            Assert.Equal(0, Dispatch("hooks/config-changed"));
        }
        finally
        {
            Probe.OnConfigChanged = null;
        }
    }

    /// <summary>Reads something from the charm inside a dispatch.</summary>
    public T Query<T>(Func<TCharm, T> read)
    {
        T result = default!;
        Run(charm => result = read(charm));
        return result;
    }

    public int RelationHook(string kind, string endpoint, int relationId, string? remoteUnit = null)
    {
        var remoteApp = Backend.GetRelationRemoteApp(endpoint, relationId);
        return Dispatch(
            $"hooks/{endpoint}-relation-{kind}",
            ("JUJU_RELATION", endpoint),
            ("JUJU_RELATION_ID", $"{endpoint}:{relationId}"),
            ("JUJU_REMOTE_APP", remoteApp),
            ("JUJU_REMOTE_UNIT", remoteUnit));
    }

    public int Dispatch(string dispatchPath, params (string Name, string? Value)[] environment)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["JUJU_UNIT_NAME"] = Backend.UnitName,
            ["JUJU_DISPATCH_PATH"] = dispatchPath,
            ["JUJU_MODEL_NAME"] = "charmarr",
            ["JUJU_MODEL_UUID"] = Backend.ModelUuid,
            ["JUJU_VERSION"] = "3.6.4",
            ["JUJU_CHARM_DIR"] = "/nonexistent",
        };
        foreach (var (name, value) in environment)
        {
            env[name] = value;
        }

        Backend.BeginHook();
        var exitCode = app.DispatchAsync(JujuContext.FromEnvironment(env)).GetAwaiter().GetResult();
        Backend.EndHook(succeeded: exitCode == 0);
        return exitCode;
    }

    /// <summary>The juju-log lines at <paramref name="level"/>.</summary>
    public IEnumerable<string> LogLines(JujuLogLevel level) => Backend.Logs.Where(l => l.Level == level).Select(l => l.Message);

    public void Dispose() => app.Dispose();
}
