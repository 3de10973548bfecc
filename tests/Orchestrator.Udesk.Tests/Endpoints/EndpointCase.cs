using Orchestrator.Udesk.Results;

namespace Orchestrator.Udesk.Tests.Endpoints;

/// <summary>
/// One endpoint as the spec describes it: the call we make, and what must arrive on the wire
/// (method, path under /open_api_v1, query parameters besides the signature, JSON body).
/// </summary>
public sealed record EndpointCase(
    string Name,
    Func<IUdeskClient, Task<object>> Call,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string>? Query = null,
    string? Body = null,
    string Answer = """{"code":1000}""")
{
    public override string ToString() => Name;

    public static async Task<object> Run<T>(Task<UdeskResult<T>> call) => await call;
}
