using System.Security.Cryptography;
using System.Text;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Persistence;

/// <summary>
/// The tags every conversation event is stored with, so a reader follows one tenant (or one kind of event) through
/// the journal's tags column instead of scanning every tenant's events. Tags are stored per event and are part of the
/// journal format: never change how one is spelt, only add new ones (and re-tag, see <see cref="JournalRetagger"/>).
/// </summary>
public static class JournalTags
{
    /// <summary>
    /// What Akka.Persistence.Sql's tag table holds per tag. The journal's tags column (Csv tag mode) holds more, but a
    /// tag's spelling is part of the journal format, so the limit stays.
    /// </summary>
    public const int MaxLength = 64;

    /// <summary>Between and around the tags in the journal's tags column: Akka.Persistence.Sql's tag-separator (its default, which the HOCON keeps).</summary>
    public const string Separator = ";";

    /// <summary>The events the outbox sweeper reads: a call queued, a call answered (or given up).</summary>
    public const string Outbox = "k:outbox";

    private const string TenantPrefix = "t:";
    private const string HashedTenantPrefix = "t#";

    /// <summary>
    /// <c>t:</c> and the escaped tenant; a tenant too long for the column is <c>t#</c> and the base64url SHA-256 of
    /// its name instead (two tenants never share a tag).
    /// </summary>
    public static string Tenant(string tenant)
    {
        var tag = TenantPrefix + Uri.EscapeDataString(tenant);
        return tag.Length <= MaxLength
            ? tag
            : HashedTenantPrefix + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(tenant))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The tags of an event of type <paramref name="eventType"/> of a conversation of <paramref name="tenant"/>.</summary>
    public static IReadOnlyList<string> Of(string tenant, Type eventType) =>
        eventType == typeof(UdeskCallQueued) || eventType == typeof(UdeskCallCompleted) ? [Tenant(tenant), Outbox] : [Tenant(tenant)];
}
