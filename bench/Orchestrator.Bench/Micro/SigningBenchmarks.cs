using BenchmarkDotNet.Attributes;
using Orchestrator.Udesk.Configuration;
using Orchestrator.Udesk.Signing;

namespace Orchestrator.Bench.Micro;

/// <summary>Signing one Open API call (v2, SHA-256) and one structured message (MD5).</summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private const string Email = "admin@udesk.cn";
    private const string Token = "0123456789abcdef0123456789abcdef";
    private const long Timestamp = 1_793_526_731;
    private const string Nonce = "2d931510-d99f-494a-8c67-87feb05e1594";

    [Benchmark]
    public string OpenApiV2() => OpenApiSignature.V2(Email, Token, Timestamp, Nonce);

    [Benchmark]
    public IReadOnlyList<KeyValuePair<string, string>> OpenApiV2QueryParameters() =>
        OpenApiSignature.QueryParameters(SignatureVersion.V2, Email, Token, Timestamp, Nonce);

    [Benchmark]
    public string StructuredMessage() => StructuredMessageSignature.Compute(10_000_042, 77, 397, Timestamp, "simulator-structured-message-key");
}
