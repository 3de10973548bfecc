using Orchestrator.Bench.Hosting;
using Orchestrator.Bench.Measure;
using Orchestrator.Bench.Results;
using Orchestrator.Bench.Scenarios;

namespace Orchestrator.Bench.Cli;

/// <summary>Picks the scenario and the store, runs it, prints its summary line and writes its result file.</summary>
internal static class BenchProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage();
            return args.Length == 0 ? 2 : 0;
        }

        BenchArguments arguments;
        try
        {
            arguments = BenchArguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            PrintUsage();
            return 2;
        }

        var scenario = ScenarioCatalog.All.FirstOrDefault(s => s.Name == arguments.Scenario);
        if (scenario is null)
        {
            Console.Error.WriteLine($"Unknown scenario '{arguments.Scenario}'.");
            PrintUsage();
            return 2;
        }

        AkkaConsoleFilter.Install();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var store = scenario.UsesStore ? StoreTarget.From(arguments) : null;
        var folder = ResultWriter.Folder(arguments);
        _ = arguments.Text("tag", "");
        var background = await BackgroundLoad.MeasureAsync(cancel.Token);
        if (background > 0.25)
        {
            Console.Error.WriteLine($"warning: the machine is already busy ({background:0.00} cores in use before the run); figures will be low.");
        }

        var context = new BenchContext(arguments, store, folder, cancel.Token);
        BenchResult result;
        try
        {
            result = await scenario.RunAsync(context);
        }
        finally
        {
            store?.CleanUp();
        }

        foreach (var unused in arguments.Unused)
        {
            Console.Error.WriteLine($"warning: option --{unused} was not used by '{scenario.Name}'.");
        }

        var file = ResultWriter.Write(result, folder, background);
        Console.WriteLine(result.SummaryLine);
        Console.WriteLine($"  result: {file}");
        return 0;
    }

    private static void PrintUsage()
    {
        Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Orchestrator.Bench -- <scenario> [--store sqlite|postgresql] [options]");
        Console.Error.WriteLine("scenarios:");
        foreach (var scenario in ScenarioCatalog.All)
        {
            Console.Error.WriteLine($"  {scenario.Name,-8} {scenario.Description}");
        }

        Console.Error.WriteLine("store options: --store sqlite|postgresql, --sqlite-sync full|normal, --pg <connection string> (default: env ORCHESTRATOR_BENCH_POSTGRES or bench/postgres.sh's)");
        Console.Error.WriteLine("output: --out <folder> (default bench/results), --tag <name> (appended to the result file's name)");
    }
}
