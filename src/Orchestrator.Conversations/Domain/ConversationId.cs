using System.Text.Json.Serialization;

namespace Orchestrator.Conversations.Domain;

/// <summary>
/// A conversation: one customer (<c>customer_token</c>) of one Udesk company (tenant). Both parts are escaped in
/// the entity id, so any token is safe.
/// </summary>
public readonly record struct ConversationId(string Tenant, string CustomerToken)
{
    public const string DefaultTenant = "default";

    [JsonIgnore]
    public string EntityId => $"{Uri.EscapeDataString(Tenant)}/{Uri.EscapeDataString(CustomerToken)}";

    [JsonIgnore]
    public string PersistenceId => $"conversation/{EntityId}";

    public static ConversationId FromEntityId(string entityId)
    {
        var slash = entityId.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == entityId.Length - 1)
        {
            throw new FormatException($"'{entityId}' is not a conversation entity id (tenant/token).");
        }

        return new ConversationId(Uri.UnescapeDataString(entityId[..slash]), Uri.UnescapeDataString(entityId[(slash + 1)..]));
    }

    public override string ToString() => EntityId;
}
