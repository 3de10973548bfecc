using System.Text.Json;
using Orchestrator.Conversations.Delivery;
using Orchestrator.Conversations.Domain;
using static Orchestrator.Conversations.Delivery.DeliveryCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;
using static Orchestrator.Conversations.Tests.Delivery.DeliveryPumpSteps;

namespace Orchestrator.Conversations.Tests.Delivery;

/// <summary>Handed events (<see cref="DeliverEvents"/>): sent without a read when they continue what the pump has, else
/// read; each once, in order, and at most <see cref="DeliveryPump.MaxHeld"/> held.</summary>
public sealed class DeliveryPumpHandedEventsTests
{
    private static readonly JsonElement Raw = JsonDocument.Parse("""{"type":"message"}""").RootElement.Clone();

    [Fact]
    public void Handed_events_that_continue_what_the_pump_has_go_without_a_read_internal_ones_passed_over()
    {
        var idle = Started();

        var first = idle.Deliver(Handed(1, 2));
        Assert.Equal([new DeliveryEvents.DeliveryScheduled(2)], first.Persist);
        Assert.Equal(new DeliveryReplies.DeliveryAcknowledged(Id, 2), first.Reply);
        Assert.Equal(1, SentSeq(first));
        AssertNoRead(first);

        // 3 (internal) and 4 come while 2 is on its way: held behind it.
        var second = first.Pump.Persisted(new DeliveryEvents.DeliveryScheduled(2)).Pump.Attempted(1, 1, new WebhookResponse(200), Now, 0.5);
        Assert.Equal(2, SentSeq(second));
        var more = second.Pump.Deliver(new DeliverEvents(Id, 4, [Message(3, visible: false), Message(4)]));
        Assert.Empty(more.Effects);
        Assert.Empty(more.Persist);

        var third = more.Pump.Attempted(2, 1, new WebhookResponse(200), Now, 0.5);
        Assert.Equal(4, SentSeq(third));
        AssertNoRead(second, more, third);
    }

    [Fact]
    public void Handed_events_after_a_gap_are_not_held_and_the_gap_and_what_follows_are_read()
    {
        var sending = Started().Deliver(Handed(1, 2)).Pump;

        // 3 was in another batch that has not come: 4 and 5 do not continue 2.
        var gap = sending.Deliver(Handed(4, 5));
        Assert.Empty(gap.Effects);
        Assert.Equal(5, gap.Pump.KnownEnd);

        var two = gap.Pump.Attempted(1, 1, new WebhookResponse(200), Now, 0.5);
        Assert.Equal(2, SentSeq(two));
        var read = two.Pump.Attempted(2, 1, new WebhookResponse(200), Now, 0.5);
        Assert.Equal(new DeliveryEffect.ReadPage(2, DeliveryPump.PageSize), Assert.Single(read.Effects));

        // Events handed while the read is under way are not held: the page brings them, in order.
        var whileReading = read.Pump.Deliver(Handed(6, 6));
        Assert.Empty(whileReading.Effects);
        var page = whileReading.Pump.PageRead(2, [Entry(3), Entry(4), Entry(5), Entry(6)], null);
        Assert.Equal(3, SentSeq(page));
    }

    [Fact]
    public void After_a_restart_handed_events_are_not_held_until_the_read_to_the_journals_end_is_over()
    {
        var start = DeliveryPump.Recovering(Options, includeInternal: false).Recovered(new DeliveryEvents.EventDelivered(3)).Start();

        var probing = start.Pump.Deliver(Handed(4, 5));
        Assert.Empty(probing.Effects);
        var page = probing.Pump.PageRead(3, [Entry(4), Entry(5)], null);
        Assert.Equal(4, SentSeq(page));

        // Re-dispatched after the crash: events at or before the cursor, and those already held, are passed over.
        var again = page.Pump.Deliver(new DeliverEvents(Id, 6, [Message(2), Message(3), Message(4), Message(5), Message(6)]));
        Assert.Equal([5L, 6L], again.Pump.Read.Select(e => e.Seq));
    }

    [Fact]
    public void Repeated_and_overlapping_hand_overs_send_each_event_once_in_order()
    {
        var pump = Started().Deliver(Handed(1, 2)).Pump;
        pump = pump.Deliver(Handed(1, 3)).Pump;
        pump = pump.Deliver(Handed(2, 4)).Pump;
        Assert.Equal([2L, 3L, 4L], pump.Read.Select(e => e.Seq));

        var sent = new List<long> { pump.Sending!.Entry.Seq };
        for (var seq = 1; seq < 4; seq++)
        {
            var next = pump.Attempted(seq, 1, new WebhookResponse(200), Now, 0.5);
            AssertNoRead(next);
            sent.Add(SentSeq(next));
            pump = next.Pump.Deliver(Handed(1, seq + 1)).Pump;
        }

        Assert.Equal([1L, 2L, 3L, 4L], sent);
        Assert.Empty(pump.Read);
    }

    [Fact]
    public void A_delivery_holds_at_most_max_held_events_and_reads_the_rest_when_their_turn_comes()
    {
        var lots = DeliveryPump.MaxHeld + 50;
        var first = Started().Deliver(Handed(1, lots));
        Assert.Equal(1, SentSeq(first));
        Assert.Equal(DeliveryPump.MaxHeld - 1, first.Pump.Read.Count());
        Assert.Equal(lots, first.Pump.KnownEnd);

        var full = first.Pump.Deliver(Handed(DeliveryPump.MaxHeld + 1, lots + 10)).Pump;
        Assert.Equal(DeliveryPump.MaxHeld, full.Read.Count());
        Assert.Equal(DeliveryPump.MaxHeld + 1, full.Read.Last().Seq);

        var pump = full;
        for (var seq = 1; seq <= DeliveryPump.MaxHeld; seq++)
        {
            pump = pump.Attempted(seq, 1, new WebhookResponse(200), Now, 0.5).Pump;
            Assert.True(pump.Read.Count() <= DeliveryPump.MaxHeld);
        }

        var last = pump.Attempted(DeliveryPump.MaxHeld + 1, 1, new WebhookResponse(200), Now, 0.5);
        Assert.Contains(new DeliveryEffect.ReadPage(DeliveryPump.MaxHeld + 1, DeliveryPump.PageSize), last.Effects);
    }

    private static DeliverEvents Handed(long from, long to) =>
        new(Id, to, [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(seq => Message(seq))]);

    private static MessageReceived Message(long seq, bool visible = true) =>
        new(seq, Now.AddSeconds(seq), $"p{seq}", "agent", "message", visible, new SessionId(501), Raw);

    private static void AssertNoRead(params DeliveryStep[] steps) =>
        Assert.DoesNotContain(steps.SelectMany(step => step.Effects), effect => effect is DeliveryEffect.ReadPage);
}
