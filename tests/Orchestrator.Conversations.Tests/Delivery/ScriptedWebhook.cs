using System.Collections.Concurrent;
using Orchestrator.Conversations.Delivery;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Feed;

namespace Orchestrator.Conversations.Tests.Delivery;

/// <summary>
/// A webhook sender double for actor tests: answers as scripted (200 by default) and records every attempt. The
/// real HTTP sender is covered end to end.
/// </summary>
public sealed class ScriptedWebhook : IWebhookSender
{
    private volatile Func<FeedEntry, WebhookResponse?> script = _ => null;

    public ConcurrentQueue<(ConversationId Conversation, FeedEntry Entry, WebhookResponse Answer)> Attempts { get; } = new();

    public Func<FeedEntry, WebhookResponse?> Script
    {
        set => script = value;
    }

    public IReadOnlyList<long> AcknowledgedSeqs(ConversationId conversation) =>
        Attempts.Where(a => a.Conversation == conversation && a.Answer.Acknowledged).Select(a => a.Entry.Seq).ToList();

    public Task<WebhookResponse> SendAsync(ConversationId conversation, FeedEntry entry, CancellationToken cancellationToken)
    {
        var answer = script(entry) ?? new WebhookResponse(200);
        Attempts.Enqueue((conversation, entry, answer));
        return Task.FromResult(answer);
    }
}
