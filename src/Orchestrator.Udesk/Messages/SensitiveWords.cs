using Orchestrator.Udesk.Results;

namespace Orchestrator.Udesk.Messages;

/// <summary>The company's customer sensitive-word configuration.</summary>
public sealed record SensitiveWords : UdeskResponse
{
    /// <summary>Comma-separated, e.g. "a,b,c,d".</summary>
    public string? CustomerWordsString { get; init; }

    /// <summary>1 enabled; 0 or empty disabled.</summary>
    public bool? CustomerIsOpen { get; init; }

    public IReadOnlyList<string> Words =>
        (CustomerWordsString ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
