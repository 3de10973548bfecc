using Akka.Actor;
using Akka.Dispatch;
using Orchestrator.Conversations.Actors.Mailboxes;
using Orchestrator.Conversations.Configuration;

namespace Orchestrator.Conversations.Tests.Actors.Mailboxes;

/// <summary>
/// An actor with a stash (as every persistent entity has) runs on the entity mailbox the module's HOCON binds, and
/// its stashed messages come back in the order they arrived, ahead of what came meanwhile.
/// </summary>
public sealed class EntityMailboxTests() : Akka.TestKit.Xunit2.TestKit(HoconFiles.Load(HoconFiles.Mailboxes))
{
    [Fact]
    public void A_stashing_actor_gets_the_compact_queue_and_unstashes_in_arrival_order()
    {
        var actor = Sys.ActorOf(Props.Create(() => new StashUntilOpen()).WithEntityMailbox());

        actor.Tell("queue-kind");
        foreach (var message in new[] { "a", "b", "c", "open", "d" })
        {
            actor.Tell(message);
        }

        Assert.Equal(nameof(CompactDequeMessageQueue), ExpectMsg<string>());
        Assert.Equal(["a", "b", "c", "d"], ReceiveN(4).Cast<string>());
    }

    private sealed class StashUntilOpen : UntypedActor, IWithUnboundedStash
    {
        private bool open;

        public IStash Stash { get; set; } = null!;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "queue-kind":
                    Sender.Tell(((ActorCell)Context).Mailbox!.MessageQueue.GetType().Name);
                    break;
                case "open":
                    open = true;
                    Stash.UnstashAll();
                    break;
                case string when !open:
                    Stash.Stash();
                    break;
                case string text:
                    Sender.Tell(text);
                    break;
            }
        }
    }
}
