using System.Runtime.CompilerServices;
using Akka.Actor;
using Orchestrator.Conversations.Actors.Mailboxes;

namespace Orchestrator.Conversations.Tests.Actors.Mailboxes;

/// <summary>The entity mailbox's ring: order, put-backs in front, growth and give-back, no retained messages, no loss under concurrent senders.</summary>
public sealed class CompactDequeMessageQueueTests
{
    private readonly CompactDequeMessageQueue queue = new();

    [Fact]
    public void Messages_come_out_in_the_order_they_went_in_across_growth_and_wrap_around()
    {
        Enqueue(1, 2, 3);
        Assert.Equal([1, 2], new[] { Dequeue(), Dequeue() });
        Enqueue(Enumerable.Range(4, 20).ToArray());

        Assert.Equal(Enumerable.Range(3, 21), DequeueAll());
        Assert.False(queue.HasMessages);
        Assert.False(queue.TryDequeue(out _));
    }

    [Fact]
    public void Messages_put_back_come_first_the_last_put_back_leading_as_a_stash_unstashing_in_reverse_expects()
    {
        Enqueue(1, 2);
        Assert.Equal(1, Dequeue());
        queue.EnqueueFirst(Envelope(10));
        queue.EnqueueFirst(Envelope(11));
        Enqueue(3);

        Assert.Equal(4, queue.Count);
        Assert.Equal([11, 10, 2, 3], DequeueAll());
    }

    [Fact]
    public void A_ring_grown_by_a_burst_is_given_back_once_drained_and_a_small_one_kept()
    {
        Enqueue(Enumerable.Range(0, 100).ToArray());
        Assert.True(queue.Capacity >= 100);

        DequeueAll();
        Assert.Equal(CompactDequeMessageQueue.InitialCapacity, queue.Capacity);

        Enqueue(1);
        Dequeue();
        Assert.Equal(CompactDequeMessageQueue.InitialCapacity, queue.Capacity);
    }

    [Fact]
    public void A_handled_message_is_not_kept_alive_by_the_queue()
    {
        var handled = EnqueueAndDequeueOneObject();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(handled.TryGetTarget(out _), "the dequeued message is still reachable from the queue");
        GC.KeepAlive(queue);
    }

    [Fact]
    public async Task Concurrent_senders_lose_nothing_and_each_sender_s_messages_keep_their_order()
    {
        const int Senders = 4;
        const int PerSender = 20_000;
        var received = new List<(int Sender, int N)>(Senders * PerSender);
        var senders = Enumerable.Range(0, Senders)
            .Select(s => Task.Factory.StartNew(() =>
            {
                for (var n = 0; n < PerSender; n++)
                {
                    queue.Enqueue(ActorRefs.Nobody, new Envelope((s, n), ActorRefs.NoSender));
                }
            }, TaskCreationOptions.LongRunning))
            .ToArray();

        while (received.Count < Senders * PerSender)
        {
            if (queue.TryDequeue(out var envelope))
            {
                received.Add(((int, int))envelope.Message);
            }
            else
            {
                Assert.False(senders.All(t => t.IsCompleted) && !queue.HasMessages && received.Count < Senders * PerSender, $"only {received.Count} of {Senders * PerSender} arrived");
                Thread.Yield();
            }
        }

        await Task.WhenAll(senders);
        Assert.False(queue.HasMessages);
        foreach (var sender in received.GroupBy(r => r.Sender))
        {
            Assert.Equal(Enumerable.Range(0, PerSender), sender.Select(r => r.N));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WeakReference<object> EnqueueAndDequeueOneObject()
    {
        var message = new object();
        queue.Enqueue(ActorRefs.Nobody, new Envelope(message, ActorRefs.NoSender));
        queue.Enqueue(ActorRefs.Nobody, Envelope(2));
        Assert.True(queue.TryDequeue(out var envelope));
        Assert.Same(message, envelope.Message);
        return new WeakReference<object>(message);
    }

    private static Envelope Envelope(int n) => new(n, ActorRefs.NoSender);

    private void Enqueue(params int[] messages)
    {
        foreach (var n in messages)
        {
            queue.Enqueue(ActorRefs.Nobody, Envelope(n));
        }
    }

    private int Dequeue()
    {
        Assert.True(queue.TryDequeue(out var envelope));
        return (int)envelope.Message;
    }

    private List<int> DequeueAll()
    {
        var all = new List<int>();
        while (queue.TryDequeue(out var envelope))
        {
            all.Add((int)envelope.Message);
        }

        return all;
    }
}
