using Akka.Actor;

namespace Orchestrator.Conversations.Actors.Mailboxes;

/// <summary>The mailbox every sharded entity of this module runs on (hocon/sharding.conf binds the id to <see cref="CompactDequeMailbox"/>).</summary>
public static class EntityMailbox
{
    public const string Id = "orchestrator.entity-mailbox";

    public static Props WithEntityMailbox(this Props props) => props.WithMailbox(Id);
}
