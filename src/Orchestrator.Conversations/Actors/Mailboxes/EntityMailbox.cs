using Akka.Actor;
using Akka.Hosting;
using Orchestrator.Conversations.Configuration;

namespace Orchestrator.Conversations.Actors.Mailboxes;

/// <summary>
/// The mailbox every sharded entity of this module runs on: <see cref="CompactDequeMailbox"/>, bound to
/// <see cref="Id"/> by hocon/mailboxes.conf, which each module that has entities on it adds.
/// </summary>
public static class EntityMailbox
{
    public const string Id = "orchestrator.entity-mailbox";

    public static Props WithEntityMailbox(this Props props) => props.WithMailbox(Id);

    /// <summary>Binds <see cref="Id"/> (idempotent: every module with entities on the mailbox adds it).</summary>
    public static AkkaConfigurationBuilder WithEntityMailboxes(this AkkaConfigurationBuilder builder) =>
        builder.AddHocon(HoconFiles.Load(HoconFiles.Mailboxes), HoconAddMode.Prepend);
}
