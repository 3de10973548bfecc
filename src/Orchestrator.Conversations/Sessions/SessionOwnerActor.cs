using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Akka.Persistence;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;
using static Orchestrator.Conversations.Sessions.SessionIndexMessages;

namespace Orchestrator.Conversations.Sessions;

/// <summary>One Udesk agent session's owner: which conversation its read receipts belong to.</summary>
public sealed class SessionOwnerActor : ReceivePersistentActor
{
    private readonly string entityId;
    private ConversationId? owner;

    public SessionOwnerActor(string entityId, IReadOnlyActorRegistry registry, TimeProvider time, TimeSpan passivateAfter)
    {
        this.entityId = entityId;
        Recover<OwnerRecorded>(recorded => owner = recorded.Owner);

        Command<RecordOwner>(record =>
        {
            if (owner == record.Owner)
            {
                return;
            }

            Persist(new OwnerRecorded(record.Owner, time.GetUtcNow()), recorded => owner = recorded.Owner);
        });
        Command<RouteReadReceipt>(receipt =>
        {
            if (owner is { } conversation)
            {
                registry.Get<ConversationRegion>().Forward(new ApplyReadReceipt(conversation, receipt.SessionId, receipt.MessageIds));
            }
            else
            {
                Sender.Tell(new Rejected(RejectionReason.Invalid, $"Session {receipt.SessionId} belongs to no known conversation."));
            }
        });
        Command<ReceiveTimeout>(_ => Context.Parent.Tell(new Passivate(PoisonPill.Instance)));
        Context.SetReceiveTimeout(passivateAfter);
    }

    public override string PersistenceId => $"session/{entityId}";

    public static Props Props(string entityId, IReadOnlyActorRegistry registry, TimeProvider time, TimeSpan passivateAfter) =>
        Akka.Actor.Props.Create(() => new SessionOwnerActor(entityId, registry, time, passivateAfter));
}
