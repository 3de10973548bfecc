using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace Orchestrator.Conversations.Actors.Mailboxes;

/// <summary>
/// Gives an entity actor a <see cref="CompactDequeMessageQueue"/>; entity props ask for it by
/// <see cref="EntityMailbox.WithEntityMailbox"/>. Satisfies the stash's requirement of an unbounded deque.
/// </summary>
public sealed class CompactDequeMailbox(Settings settings, Config config) : MailboxType(settings, config), IProducesMessageQueue<CompactDequeMessageQueue>
{
    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new CompactDequeMessageQueue();
}
