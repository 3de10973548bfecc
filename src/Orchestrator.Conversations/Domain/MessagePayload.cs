namespace Orchestrator.Conversations.Domain;

/// <summary>A customer message's content, in Udesk's <c>data</c> shape.</summary>
public sealed record MessagePayload
{
    public string? Content { get; init; }

    public string? Font { get; init; }

    public string? Filename { get; init; }

    public string? Filesize { get; init; }

    public int? Duration { get; init; }
}
