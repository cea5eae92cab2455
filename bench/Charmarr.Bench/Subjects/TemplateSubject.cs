using Charmarr.Bench.Hooks;
using Charmarr.Bench.InProcess;
using Charmarr.Bench.Report;
using Charmarr.Bench.Template;
using Charmarr.Cli;
using Charmarr.Ops.Metadata;

namespace Charmarr.Bench.Subjects;

/// <summary>A charm made from the charmarr-charm template (given, or made and packed afresh) and its Harness test.</summary>
internal static class TemplateSubject
{
    public static async Task<SubjectReport> MeasureAsync(BenchOptions options, string workDirectory)
    {
        if (options.TemplateCharm is null)
        {
            Console.WriteLine($"Making a charm from the charmarr-charm template (dotnet new charmarr-charm -n {TemplateCharmFactory.CharmArgument}) and packing it: minutes …");
        }

        var template = await new TemplateCharmFactory(Progress.Console).GetAsync(options.TemplateCharm, options.TemplateAssembly, CancellationToken.None);
        var packed = await PackedCharmBenchmark.MeasureAsync(template.Charm, workDirectory, TemplateDeployment.StartAsync, TemplateDeployment.Events, options.Runs);
        var notes = new List<string>();
        if (CharmMetadata.Load(packed.CharmDirectory).Relations.Count == 0)
        {
            notes.Add("No relation-changed: the charm declares no relation (the template has none), so there is none to measure.");
        }

        if (template.Assembly is { } assembly)
        {
            Console.WriteLine("Measuring the template charm in the Harness …");
            packed.Figures.AddRange(TemplateHarnessTest.Run(assembly, packed.CharmDirectory));
        }
        else
        {
            packed.Figures.Add(new Figure("Harness", "one test", "n/a: give --template-assembly"));
            notes.Add("Harness not measured: it runs the charm's own code in process, from its IL assembly, which --template-charm alone does not give; "
                + "add --template-assembly (a fresh run keeps it in artifacts/charms/ and prints the path).");
        }

        return new SubjectReport($"{Path.GetFileName(template.Charm)} (dotnet new charmarr-charm)", packed.Figures, packed.CallBreakdown, notes, packed.CharmDirectory);
    }
}
