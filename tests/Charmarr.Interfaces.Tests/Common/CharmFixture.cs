using System.Diagnostics.CodeAnalysis;
using Charmarr.Ops.Backend;
using Charmarr.Ops.Context;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Hosting;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Testing.Juju;
using Microsoft.Extensions.DependencyInjection;

namespace Charmarr.Interfaces.Tests.Common;

/// <summary>
/// Runs a charm through the production dispatcher against <see cref="MemoryJujuBackend"/>: one hook per dispatch,
/// committed when it exits 0 and rolled back otherwise, as Juju does.
/// </summary>
/// <typeparam name="TCharm">The charm.</typeparam>
internal sealed class CharmFixture<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TCharm> : IDisposable
    where TCharm : CharmBase
{
    private readonly CharmApp app;

    public CharmFixture(string unitName, string metadata)
    {
        Backend = new MemoryJujuBackend(unitName);
        app = CharmApp.CreateBuilder([])
            .UseBackend(Backend)
            .UseMetadata(CharmMetadata.ParseCharmcraft(metadata))
            .ConfigureServices(s => s.AddSingleton(Probe))
            .Build<TCharm>();
    }

    public MemoryJujuBackend Backend { get; }

    public Probe<TCharm> Probe { get; } = new();

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
