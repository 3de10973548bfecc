using Orchestrator.Conversations.Domain;

namespace Orchestrator.Conversations.Persistence;

/// <summary>
/// What a conversation persists: its event, with the tenant the event adapter tags it by (an adapter sees the event,
/// never the persistence id). Never stored itself: <see cref="ConversationTagAdapter"/> stores <see cref="Event"/>.
/// </summary>
public sealed record TenantEvent(string Tenant, ConversationEvents.Event Event);
