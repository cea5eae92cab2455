using Charmarr.Cli;
using Charmarr.Cli.Commands;

const string usage = $"""
    charmarr {"{0}"}: build and try Charmarr.Ops charms.

      {PackCommand.Usage}
          Native-AOT publish the charm project and pack <name>_<base>-<arch>.charm (dispatch, binary, metadata).
      {SimulateCommand.Usage}
          Run the packed charm's events against an emulated unit (hook tools, Pebble, Kubernetes) and print them;
          --pebble real runs each workload container on a real Pebble in a private root (bwrap, root) instead of the simulator.
      {DemoCommand.Usage}
          Pack a charm (default: the repository's plex-k8s) and simulate it with its simulate.yaml.
    """;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var command = args.Length > 0 ? args[0] : "--help";
    if (command == WorkloadStandInCommand.Name)
    {
        return await WorkloadStandInCommand.RunAsync(args[1..]); // the workload's own arguments pass through untouched
    }

    var rest = new CommandLine(args.Skip(1));
    return command switch
    {
        "pack" => await PackCommand.RunAsync(rest, cancel.Token),
        "simulate" => await SimulateCommand.RunAsync(rest),
        "demo" => await DemoCommand.RunAsync(rest, cancel.Token),
        "--version" => Print(ToolVersion.Current, 0),
        "--help" or "-h" or "help" => Print(usage.Replace("{0}", ToolVersion.Current, StringComparison.Ordinal), 0),
        _ => Print($"charmarr: unknown command '{command}'\n\n{usage.Replace("{0}", ToolVersion.Current, StringComparison.Ordinal)}", 2),
    };
}
catch (CliException e)
{
    Console.Error.WriteLine($"charmarr: {e.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("charmarr: cancelled");
    return 130;
}

static int Print(string text, int code)
{
    (code == 0 ? Console.Out : Console.Error).WriteLine(text);
    return code;
}
