using Orchestrator.Conversations.Domain;

namespace Orchestrator.Conversations.Audit;

/// <summary>A conversation's whole audit: every entry, oldest first.</summary>
public sealed record AuditReport(string Tenant, string CustomerToken, IReadOnlyList<AuditEntry> Entries)
{
    public static AuditReport Of(ConversationId id, IEnumerable<ConversationEvents.Event> events) =>
        new(id.Tenant, id.CustomerToken, AuditProjection.Of(events));
}
