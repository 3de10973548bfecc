using Orchestrator.Bench.Cli;

return await BenchProgram.RunAsync(args);
