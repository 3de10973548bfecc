using System.Text.Json.Serialization;

namespace Orchestrator.Conversations.Domain;

/// <summary>
/// A conversation: one customer (<c>customer_token</c>) of one Udesk company (tenant). Both parts are escaped in
/// the entity id, so any token is safe.
/// </summary>
public readonly record struct ConversationId(string Tenant, string CustomerToken)
{
    public const string DefaultTenant = "default";

    /// <summary>Every conversation's persistence id starts with this, then the entity id.</summary>
    public const string PersistenceIdPrefix = "conversation/";

    [JsonIgnore]
    public string EntityId => $"{Uri.EscapeDataString(Tenant)}/{Uri.EscapeDataString(CustomerToken)}";

    [JsonIgnore]
    public string PersistenceId => PersistenceIdPrefix + EntityId;

    public static ConversationId FromEntityId(string entityId)
    {
        var slash = entityId.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == entityId.Length - 1)
        {
            throw new FormatException($"'{entityId}' is not a conversation entity id (tenant/token).");
        }

        return new ConversationId(Uri.UnescapeDataString(entityId[..slash]), Uri.UnescapeDataString(entityId[(slash + 1)..]));
    }

    public static ConversationId FromPersistenceId(string persistenceId) =>
        persistenceId.StartsWith(PersistenceIdPrefix, StringComparison.Ordinal)
            ? FromEntityId(persistenceId[PersistenceIdPrefix.Length..])
            : throw new FormatException($"'{persistenceId}' is not a conversation persistence id.");

    public override string ToString() => EntityId;
}
