using Akka.Actor;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Orchestrator.Bench.Results;
using Orchestrator.Bench.Scenarios;
using Orchestrator.Conversations.Serialization;

namespace Orchestrator.Bench.Micro;

/// <summary>
/// The BenchmarkDotNet micro-benchmarks (signing, push parsing, state transitions, serializer round trips), run
/// in-process (no generated project to build) with a short job; <c>--filter</c> picks classes or methods by substring.
/// </summary>
internal sealed class MicroScenario : IScenario
{
    private static readonly Type[] Benchmarks =
        [typeof(SigningBenchmarks), typeof(PushParsingBenchmarks), typeof(StateTransitionBenchmarks), typeof(SerializerBenchmarks)];

    public string Name => "micro";

    public string Description => "BenchmarkDotNet: signing, push parsing, state transitions, serializer round trips (--filter <text>)";

    public bool UsesStore => false;

    public Task<BenchResult> RunAsync(BenchContext context)
    {
        var args = context.Arguments;
        var filter = args.Text("filter", "");
        var iterations = args.Int("iterations", 10);
        var artifacts = Path.Combine(context.ResultsFolder, "micro-artifacts");

        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(iterations)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250));
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddLogger(ConsoleLogger.Default)
            .WithArtifactsPath(artifacts);

        var types = Benchmarks.Where(t => filter.Length == 0 || t.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)
            || t.GetMethods().Any(m => m.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))).ToArray();
        var summaries = BenchmarkRunner.Run(types, config);

        var figures = new Dictionary<string, object>();
        var parts = new List<string>();
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            if (report.ResultStatistics is not { } statistics)
            {
                continue;
            }

            var name = NameOf(report);
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
            figures[$"{name}_ns"] = Math.Round(statistics.Mean, 1);
            figures[$"{name}_allocated_bytes"] = allocated;
            parts.Add($"{name} {Format(statistics.Mean)} ({allocated:N0} B)");
        }

        foreach (var (name, bytes) in SerializedSizes())
        {
            figures[name] = bytes;
        }

        var summary = "micro: " + string.Join(", ", parts) + $" | event {figures["message_event_bytes"]} B, busy snapshot {figures["busy_snapshot_bytes"]} B serialized";
        return Task.FromResult(context.Result(Name, figures, summary));
    }

    private static string NameOf(BenchmarkReport report)
    {
        var method = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
        var parameters = string.Concat(report.BenchmarkCase.Parameters.Items.Select(p => $"_{p.Name}{p.Value}"));
        return $"{report.BenchmarkCase.Descriptor.Type.Name.Replace("Benchmarks", "", StringComparison.Ordinal)}.{method}{parameters}";
    }

    private static string Format(double nanoseconds) =>
        nanoseconds >= 1_000_000 ? $"{nanoseconds / 1_000_000:0.00} ms" : nanoseconds >= 1_000 ? $"{nanoseconds / 1_000:0.00} µs" : $"{nanoseconds:0} ns";

    private static IEnumerable<(string, int)> SerializedSizes()
    {
        using var system = ActorSystem.Create("sizes");
        var serializer = new ConversationSerializer((ExtendedActorSystem)system);
        yield return ("message_event_bytes", serializer.ToBinary(MicroSamples.MessageEvent()).Length);
        yield return ("busy_snapshot_bytes", serializer.ToBinary(MicroSamples.BusyAgentConversation()).Length);
        system.Terminate().Wait();
    }
}
