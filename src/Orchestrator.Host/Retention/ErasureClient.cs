using Akka.Actor;
using Akka.Hosting;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Retention;
using static Orchestrator.Conversations.Retention.ErasureLedgerMessages;

namespace Orchestrator.Host.Retention;

/// <summary>Erasure on request and the ledger's listing, for the API.</summary>
public sealed class ErasureClient(IRequiredActor<ConversationRegion> conversations, IRequiredActor<ErasureLedgerRegion> ledger, RetentionOptions options)
{
    public async Task<ErasureOutcome> EraseAsync(ConversationId id, string? issuedBy, CancellationToken cancellationToken)
    {
        var erasure = new CustomerErasure(await conversations.GetAsync(cancellationToken), await ledger.GetAsync(cancellationToken), options.EraseTimeout);
        return await erasure.EraseAsync(id, ErasureReason.Request, issuedBy, closedBefore: null, cancellationToken);
    }

    public async Task<IReadOnlyList<ConversationDataErased>> ListAsync(string tenant, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken)
    {
        var page = await (await ledger.GetAsync(cancellationToken)).Ask<ErasurePage>(new ListErasures(tenant, from, to, limit), options.EraseTimeout, cancellationToken);
        return page.Entries;
    }
}
