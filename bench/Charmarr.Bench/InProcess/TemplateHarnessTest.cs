using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.Loader;
using Charmarr.Bench.Report;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Hosting;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Testing;

namespace Charmarr.Bench.InProcess;

/// <summary>
/// The template charm in the Harness, in process, timed by <see cref="HarnessTimer"/>: a new Harness on the packed
/// charm's metadata, the initial hooks of a leader, each container's pebble-ready, a config change (its first int
/// option, alternating between its default and default + 1), its first action, update-status. The bench does not
/// compile the generated project: it loads the charm's IL assembly (the one its native binary was compiled from) next
/// to its own Charmarr.Ops, finds the charm class and the <c>Configure(CharmAppBuilder)</c> its Program.cs uses, and
/// builds the charm with it, as the generated tests do.
/// </summary>
internal static class TemplateHarnessTest
{
    public static IReadOnlyList<Figure> Run(string assemblyPath, string charmDirectory)
    {
        try
        {
            return Measure(assemblyPath, charmDirectory);
        }
        catch (Exception e) when (e is MissingMethodException or MissingFieldException or TypeLoadException or ReflectionTypeLoadException or FileNotFoundException)
        {
            throw new BenchException($"{assemblyPath} does not run against this checkout's Charmarr.Ops ({e.Message}); run without --template-charm to make the template charm afresh");
        }
    }

    private static IReadOnlyList<Figure> Measure(string assemblyPath, string charmDirectory)
    {
        var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
        var types = assembly.GetTypes();
        var charm = types.SingleOrDefault(t => t.IsSubclassOf(typeof(CharmBase)) && !t.IsAbstract)
            ?? throw new BenchException($"{assemblyPath} holds no charm class (one deriving from CharmBase); give the assembly of the template charm");
        var configure = types.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .SingleOrDefault(m => m.Name == "Configure" && m.ReturnType == typeof(CharmAppBuilder) && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(CharmAppBuilder))
            ?? throw new BenchException($"{assemblyPath} has no static Configure(CharmAppBuilder), which the template's Program.cs and tests use");
        var metadata = CharmMetadata.Load(charmDirectory);
        var test = new TestPlan(charmDirectory, metadata, configure.CreateDelegate<Func<CharmAppBuilder, CharmAppBuilder>>());
        var run = typeof(TemplateHarnessTest).GetMethod(nameof(RunTest), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(charm);
        return HarnessTimer.Run((clock, iteration) =>
        {
            try
            {
                run.Invoke(null, [test, clock, iteration]);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(e.InnerException);
            }
        });
    }

    private static void RunTest<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TCharm>(TestPlan plan, StepClock clock, int iteration)
        where TCharm : CharmBase
    {
        using var harness = new Harness<TCharm>(plan.CharmDirectory, builder => plan.Configure(builder), new CharmTestOptions { AppName = plan.Metadata.Name });
        harness.SetLeader(true);
        clock.Time("initial hooks (install … start)", harness.BeginWithInitialHooks);
        foreach (var container in plan.Metadata.Containers.Keys)
        {
            clock.Time($"{container}-pebble-ready", () => harness.ContainerPebbleReady(container));
        }

        if (plan.Metadata.Config.Values.FirstOrDefault(o => o.Type == ConfigOptionType.Int && o.Default is not null) is { } option)
        {
            clock.Time("config-changed", () => harness.UpdateConfig((option.Name, (long)option.Default! + (iteration % 2))));
        }

        if (plan.Metadata.Actions.Keys.FirstOrDefault() is { } action)
        {
            clock.Time($"{action} (action)", () =>
            {
                if (harness.RunAction(action).FailureMessage is { } failure)
                {
                    throw new BenchException($"the {action} action failed in the Harness: {failure}");
                }
            });
        }

        clock.Time("update-status", () => harness.Dispatch("update-status"));
    }

    private sealed record TestPlan(string CharmDirectory, CharmMetadata Metadata, Func<CharmAppBuilder, CharmAppBuilder> Configure);
}
