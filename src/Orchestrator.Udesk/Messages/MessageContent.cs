using Orchestrator.Udesk.Json;

namespace Orchestrator.Udesk.Messages;

/// <summary>The <c>data</c> of a message: text or HTML, or a media URL with file details.</summary>
public sealed record MessageContent : UdeskObject
{
    /// <summary>Text (may contain HTML), or the URL of an image, audio, video or file.</summary>
    public string? Content { get; init; }

    /// <summary>Text messages only.</summary>
    public string? Font { get; init; }

    public string? Filename { get; init; }

    /// <summary>As Udesk writes it, e.g. "4.3M".</summary>
    public string? Filesize { get; init; }

    /// <summary>Audio length in seconds.</summary>
    public int? Duration { get; init; }
}
