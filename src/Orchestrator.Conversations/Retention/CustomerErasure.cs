using System.Security.Cryptography;
using System.Text;
using Akka.Actor;
using Orchestrator.Conversations.Domain;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;
using static Orchestrator.Conversations.Retention.ErasureLedgerMessages;

namespace Orchestrator.Conversations.Retention;

/// <summary>
/// Erases one customer's conversation through its entity, then records it in the tenant's ledger: the one path for
/// retention and requests alike. What is erased is everything the service keeps that names the customer: the
/// conversation's events (messages, Udesk's pushes and answers) and snapshots, and the session index entries of its
/// agent sessions. The delivery entity keeps only sequence numbers and HTTP statuses, the ledger only a hash.
/// </summary>
public sealed class CustomerErasure(IActorRef conversations, IActorRef ledger, TimeSpan timeout)
{
    public async Task<ErasureOutcome> EraseAsync(ConversationId id, ErasureReason reason, string? issuedBy, DateTimeOffset? closedBefore, CancellationToken cancellationToken)
    {
        var reply = await conversations.Ask<Reply>(new EraseConversation(id, reason, closedBefore) { IssuedBy = issuedBy }, timeout, cancellationToken);
        if (reply is not ConversationErased erased)
        {
            return new ErasureOutcome.Refused((reply as Rejected)?.Detail ?? $"Unexpected answer {reply.GetType().Name}.");
        }

        var recorded = await ledger.Ask<ErasureRecorded>(
            new RecordErasure(id.Tenant, Sha256Of(id.CustomerToken), reason, erased.Events, erased.Snapshots, erased.Sessions.Count, issuedBy), timeout, cancellationToken);
        return new ErasureOutcome.Erased(recorded.Entry);
    }

    /// <summary>How the ledger names a customer: lower-case hex SHA-256 of the UTF-8 token.</summary>
    public static string Sha256Of(string customerToken) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(customerToken)));
}

public abstract record ErasureOutcome
{
    public sealed record Erased(ConversationDataErased Entry) : ErasureOutcome;

    /// <summary>Nothing was erased, and why (an open session at Udesk, calls waiting, not closed long enough).</summary>
    public sealed record Refused(string Reason) : ErasureOutcome;
}
