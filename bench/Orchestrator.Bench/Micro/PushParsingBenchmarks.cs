using BenchmarkDotNet.Attributes;
using Orchestrator.Udesk.Pushes;

namespace Orchestrator.Bench.Micro;

/// <summary>What the webhook does with a push body before it reaches the conversation: parse and type each message.</summary>
[MemoryDiagnoser]
public class PushParsingBenchmarks
{
    private byte[] body = [];

    [Params(1, 10)]
    public int Messages { get; set; }

    [GlobalSetup]
    public void Setup() => body = MicroSamples.AgentPush(Messages);

    [Benchmark]
    public UdeskPush Parse() => UdeskPushParser.Parse(body);
}
