using Akka.Actor;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace Orchestrator.Conversations.Actors.Mailboxes;

/// <summary>
/// The message queue of one entity actor (a conversation, a session index entry, a push quarantine): the deque a persistent
/// actor's stash needs, in one small ring that grows on demand. Akka's default gives every actor a
/// <c>ConcurrentQueue</c> (a 32-slot segment, about 1 KB, whether a message waits or not) and a stack for
/// unstashed messages; with a million conversations in memory that is a gigabyte of empty slots. Producers and the
/// actor take a lock: an entity rarely has more than a few messages waiting, so the lock is all but uncontended.
/// </summary>
public sealed class CompactDequeMessageQueue : IMessageQueue, IUnboundedDequeBasedMessageQueueSemantics
{
    /// <summary>Slots of a first ring; a power of two, as every ring is (positions wrap by mask).</summary>
    internal const int InitialCapacity = 4;

    /// <summary>A ring grown past this by a burst is given back once drained, so a burst costs memory only while it lasts.</summary>
    internal const int KeptCapacity = 16;

    private readonly Lock gate = new();
    private Envelope[] ring = [];
    private int head;
    private int count;

    public bool HasMessages
    {
        get
        {
            lock (gate)
            {
                return count > 0;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return count;
            }
        }
    }

    /// <summary>The slots the ring holds now (tests: a drained burst gives its ring back).</summary>
    internal int Capacity
    {
        get
        {
            lock (gate)
            {
                return ring.Length;
            }
        }
    }

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        lock (gate)
        {
            MakeRoom();
            ring[(head + count) & (ring.Length - 1)] = envelope;
            count++;
        }
    }

    /// <summary>Unstashed messages go in front, in the order the actor puts them back (last put back comes first).</summary>
    public void EnqueueFirst(Envelope envelope)
    {
        lock (gate)
        {
            MakeRoom();
            head = (head - 1) & (ring.Length - 1);
            ring[head] = envelope;
            count++;
        }
    }

    public bool TryDequeue(out Envelope envelope)
    {
        lock (gate)
        {
            if (count == 0)
            {
                envelope = default;
                return false;
            }

            envelope = ring[head];

            // A slot left holding a handled message would keep it, and its sender, alive as long as the actor.
            ring[head] = default;
            head = (head + 1) & (ring.Length - 1);
            count--;
            if (count == 0)
            {
                head = 0;
                if (ring.Length > KeptCapacity)
                {
                    ring = new Envelope[InitialCapacity];
                }
            }

            return true;
        }
    }

    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        while (TryDequeue(out var envelope))
        {
            deadletters.Enqueue(owner, envelope);
        }
    }

    private void MakeRoom()
    {
        if (count < ring.Length)
        {
            return;
        }

        var grown = new Envelope[Math.Max(InitialCapacity, ring.Length * 2)];
        for (var i = 0; i < count; i++)
        {
            grown[i] = ring[(head + i) & (ring.Length - 1)];
        }

        ring = grown;
        head = 0;
    }
}
