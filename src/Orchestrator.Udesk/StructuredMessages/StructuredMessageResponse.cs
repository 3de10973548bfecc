using Orchestrator.Udesk.Json;

namespace Orchestrator.Udesk.StructuredMessages;

/// <summary>This endpoint answers with <c>status</c> where the others say <c>code</c>.</summary>
public sealed record StructuredMessageResponse : UdeskObject
{
    public int Status { get; init; }

    public string? Message { get; init; }
}
