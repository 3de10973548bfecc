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
public sealed class SessionOwnerActor : UntypedPersistentActor
{
    private readonly string entityId;
    private readonly IReadOnlyActorRegistry registry;
    private readonly TimeProvider time;
    private ConversationId? owner;

    public SessionOwnerActor(string entityId, IReadOnlyActorRegistry registry, TimeProvider time, TimeSpan passivateAfter)
    {
        this.entityId = entityId;
        this.registry = registry;
        this.time = time;
        Context.SetReceiveTimeout(passivateAfter);
    }

    // A switch rather than Receive<T> handlers, which are objects built per actor: there is one per agent session.
    protected override void OnRecover(object message)
    {
        if (message is OwnerRecorded recorded)
        {
            owner = recorded.Owner;
        }
    }

    protected override void OnCommand(object message)
    {
        switch (message)
        {
            case RecordOwner record when owner != record.Owner:
                Persist(new OwnerRecorded(record.Owner, time.GetUtcNow()), recorded => owner = recorded.Owner);
                break;
            case RecordOwner:
                break;
            case RouteReadReceipt receipt when owner is { } conversation:
                registry.Get<ConversationRegion>().Forward(new ApplyReadReceipt(conversation, new SessionId(receipt.SessionId), receipt.MessageIds));
                break;
            case RouteReadReceipt receipt:
                Sender.Tell(new Rejected(RejectionReason.Invalid, $"Session {receipt.SessionId} belongs to no known conversation."));
                break;
            case ReceiveTimeout:
                Context.Parent.Tell(new Passivate(PoisonPill.Instance));
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    public override string PersistenceId => $"session/{entityId}";

    public static Props Props(string entityId, IReadOnlyActorRegistry registry, TimeProvider time, TimeSpan passivateAfter) =>
        Akka.Actor.Props.Create(() => new SessionOwnerActor(entityId, registry, time, passivateAfter));
}
