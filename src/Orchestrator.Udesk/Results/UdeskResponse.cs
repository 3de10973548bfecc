using Orchestrator.Udesk.Json;

namespace Orchestrator.Udesk.Results;

/// <summary>Every Open API answer: a business <c>code</c> (1000 = success) and often a <c>message</c>.</summary>
public record UdeskResponse : UdeskObject
{
    public int Code { get; init; }

    public string? Message { get; init; }
}
