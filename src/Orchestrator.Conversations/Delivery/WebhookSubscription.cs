namespace Orchestrator.Conversations.Delivery;

/// <summary>
/// A tenant whose platform receives its events by webhook. Where and how they are signed is the
/// <see cref="IWebhookSender"/>'s business; delivery only needs to know which events go.
/// </summary>
/// <param name="IncludeInternal">Also deliver agent-only and bookkeeping events (the feed's <c>internal</c> ones).</param>
public sealed record WebhookSubscription(string Tenant, bool IncludeInternal);
