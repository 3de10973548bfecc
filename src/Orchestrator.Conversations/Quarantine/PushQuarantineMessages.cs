using System.Text.Json.Serialization;

namespace Orchestrator.Conversations.Quarantine;

/// <summary>
/// A tenant's quarantine: push bodies that named no conversation (not JSON, no customer token, an unknown shape),
/// kept byte for byte for operators. One persistent entity per tenant.
/// </summary>
public static class PushQuarantineMessages
{
    public abstract record Command(string Tenant)
    {
        [JsonIgnore]
        public string EntityId => Uri.EscapeDataString(Tenant);
    }

    /// <summary>Answered <see cref="PushKept"/> once persisted; the same body kept again recently is not kept twice.</summary>
    public sealed record QuarantinePush(string Tenant, string Reason, byte[] Body, string? ContentType) : Command(Tenant);

    /// <summary>Answered with a <see cref="QuarantinePage"/> of up to <paramref name="Limit"/> entries with ids above <paramref name="After"/>.</summary>
    public sealed record ListQuarantine(string Tenant, long After, int Limit) : Command(Tenant);

    public sealed record PushKept(long Id);

    public sealed record QuarantinePage(IReadOnlyList<QuarantinedPush> Entries);

    /// <summary>Persisted by the quarantine entity of one tenant.</summary>
    public abstract record Event;

    public sealed record PushQuarantined(QuarantinedPush Entry) : Event;
}

/// <summary>A push body kept in quarantine, as it arrived.</summary>
/// <param name="Digest">SHA-256 of <paramref name="Body"/> (hex): Udesk redelivers the same bytes.</param>
public sealed record QuarantinedPush(long Id, DateTimeOffset At, string Reason, string? ContentType, string Digest, byte[] Body);
