using Orchestrator.Udesk.Results;

namespace Orchestrator.Conversations.Throttling;

/// <summary>
/// What a refused preview means for the previews after it, so the conversation stops spending the company's budget
/// on previews Udesk will refuse: over the limit (429) waits out Udesk's window; a session gone (2062) gets no
/// more previews; an interface not activated (2065) none at all.
/// </summary>
public abstract record PreviewRefusal
{
    public static PreviewRefusal? Of(UdeskError? error, DateTimeOffset now, TimeSpan window) => error switch
    {
        null => null,
        { Kind: UdeskErrorKind.RateLimited } => new PauseUntil(now + (error.RetryAfter is { } asked && asked > window ? asked : window)),
        { Code: UdeskCodes.SessionNotFoundOrMissingParameter or UdeskCodes.SessionNotFound } => new SessionGone(),
        { Code: UdeskCodes.InterfaceNotActivated } => new NotActivated(),
        _ => null,
    };

    /// <summary>No preview before <paramref name="Until"/>.</summary>
    public sealed record PauseUntil(DateTimeOffset Until) : PreviewRefusal;

    /// <summary>No more previews for this session.</summary>
    public sealed record SessionGone : PreviewRefusal;

    /// <summary>The company has not activated previews: none for this conversation.</summary>
    public sealed record NotActivated : PreviewRefusal;
}
