using Charmarr.Cli;
using Charmarr.Cli.Commands;

if (args.Length > 0 && args[0] == WorkloadStandInCommand.Name)
{
    try
    {
        return await WorkloadStandInCommand.RunAsync(args[1..]); // the workload's own arguments pass through untouched
    }
    catch (CliException e)
    {
        Console.Error.WriteLine($"charmarr: {e.Message}");
        return 1;
    }
}

return await CharmarrCommandLine.RunAsync(args, Console.Out, Console.Error);
