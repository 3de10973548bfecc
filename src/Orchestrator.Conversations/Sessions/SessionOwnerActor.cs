using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Hosting;
using Akka.Persistence;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Retention;
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
    private readonly JournalEraser? eraser;
    private ConversationId? owner;
    private bool forgetting;

    public SessionOwnerActor(string entityId, IReadOnlyActorRegistry registry, TimeProvider time, TimeSpan passivateAfter, JournalEraser? eraser)
    {
        this.entityId = entityId;
        this.registry = registry;
        this.time = time;
        this.eraser = eraser;
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
            case RecordOwner when forgetting:
                // Nothing is written while the entry is erased; a conversation in this session tells the index again whenever it starts.
                break;
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
            case ForgetOwner forget when owner == forget.Owner && eraser is not null:
                owner = null;
                forgetting = true;
                eraser.EraseAsync(PersistenceId, keepSequence: false).PipeTo(Self, success: _ => Forgotten.Instance);
                break;
            case Forgotten:
                Context.Parent.Tell(new Passivate(PoisonPill.Instance));
                break;
            case Status.Failure failed when forgetting:
                forgetting = false;
                Log.Warning("Erasing session index entry {0} failed: {1}", entityId, failed.Cause.Message);
                break;
            case ForgetOwner:
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

    private sealed class Forgotten : INoSerializationVerificationNeeded
    {
        public static readonly Forgotten Instance = new();
    }

    public static Props Props(string entityId, IReadOnlyActorRegistry registry, TimeProvider time, TimeSpan passivateAfter, JournalEraser? eraser = null) =>
        Akka.Actor.Props.Create(() => new SessionOwnerActor(entityId, registry, time, passivateAfter, eraser));
}
