using Orchestrator.Conversations.Delivery;
using Orchestrator.Retry;
using static Orchestrator.Conversations.Delivery.DeliveryCommands;
using static Orchestrator.Conversations.Delivery.DeliveryEvents;
using static Orchestrator.Conversations.Delivery.DeliveryReplies;
using static Orchestrator.Conversations.Tests.Delivery.DeliveryPumpSteps;

namespace Orchestrator.Conversations.Tests.Delivery;

/// <summary>
/// The read-and-send pump on its own, on explicit times and jitter: order, acknowledgement, retries on the shared
/// back-off, dead letters and their index, replays, and resuming after a crash mid-send.
/// </summary>
public sealed class DeliveryPumpTests
{
    [Fact]
    public void Visible_events_go_one_at_a_time_in_order_and_trailing_internal_ones_are_recorded_as_skipped()
    {
        var pump = Started();

        var scheduled = pump.Deliver(new Deliver(Id, 5));
        Assert.Equal([new DeliveryScheduled(5)], scheduled.Persist);
        Assert.Equal(new DeliveryAcknowledged(Id, 5), scheduled.Reply);
        Assert.Equal(new DeliveryEffect.ReadPage(0, DeliveryPump.PageSize), Assert.Single(scheduled.Effects));

        var reading = scheduled.Pump.Persisted(new DeliveryScheduled(5));
        Assert.Empty(reading.Effects);

        var first = reading.Pump.PageRead(0, [Entry(1), Entry(2, isInternal: true), Entry(3), Entry(4, isInternal: true), Entry(5, isInternal: true)], null);
        Assert.Equal(1, SentSeq(first));

        // Event 3 goes once 1 is acknowledged, while that is recorded; internal event 2 is passed over.
        var delivered = first.Pump.Attempted(1, 1, new WebhookResponse(200), Now, 0.5);
        Assert.Equal([new EventDelivered(1)], delivered.Persist);
        Assert.Equal(3, SentSeq(delivered));

        // 3 is acknowledged while 1 is still being written: nothing is written beside it, nothing is left to send.
        var second = delivered.Pump.Attempted(3, 1, new WebhookResponse(204), Now, 0.5);
        Assert.Empty(second.Persist);
        Assert.Empty(second.Effects);
        Assert.False(second.Pump.MayPassivate);

        var recordedFirst = second.Pump.Persisted(new EventDelivered(1));
        Assert.Equal([new EventDelivered(3)], recordedFirst.Persist);
        var last = recordedFirst.Pump.Persisted(new EventDelivered(3));
        Assert.Equal([new EventsSkipped(5)], last.Persist);
        Assert.Empty(last.Effects);

        var done = last.Pump.Persisted(new EventsSkipped(5));
        Assert.Empty(done.Effects);
        Assert.Empty(done.Persist);
        Assert.Equal((5L, 5L), (done.Pump.State.Cursor, done.Pump.Position));
        Assert.True(done.Pump.MayPassivate);
    }

    [Fact]
    public void Acknowledgements_that_arrive_while_one_is_written_are_folded_into_one_write()
    {
        var sending = Scheduled(Started(), 4).PageRead(0, [Entry(1), Entry(2), Entry(3), Entry(4)], null);
        Assert.Equal(1, SentSeq(sending));

        var one = sending.Pump.Attempted(1, 1, new WebhookResponse(200), Now, 0.5);
        Assert.Equal([new EventDelivered(1)], one.Persist);
        Assert.Equal(2, SentSeq(one));
        var two = one.Pump.Attempted(2, 1, new WebhookResponse(200), Now, 0.5);
        Assert.Equal((0, 3L), (two.Persist.Count, SentSeq(two)));
        var three = two.Pump.Attempted(3, 1, new WebhookResponse(200), Now, 0.5);
        Assert.Equal((0, 4L), (three.Persist.Count, SentSeq(three)));

        // 2 and 3 go down in one write once 1 is recorded; 4 is still on its way and is not recorded yet.
        var folded = three.Pump.Persisted(new EventDelivered(1));
        Assert.Equal([new EventDelivered(3)], folded.Persist);
        Assert.Empty(folded.Effects);
        Assert.Equal(4, folded.Pump.Sending!.Entry.Seq);

        var four = folded.Pump.Attempted(4, 1, new WebhookResponse(200), Now, 0.5);
        Assert.Empty(four.Persist);
        var recorded = four.Pump.Persisted(new EventDelivered(3));
        Assert.Equal([new EventDelivered(4)], recorded.Persist);
        Assert.False(recorded.Pump.MayPassivate);
        Assert.True(recorded.Pump.Persisted(new EventDelivered(4)).Pump.MayPassivate);
    }

    [Fact]
    public void A_tenant_that_wants_internal_events_gets_them_in_order()
    {
        var pump = Scheduled(Started(includeInternal: true), 2);

        var first = pump.PageRead(0, [Entry(1, isInternal: true), Entry(2, isInternal: true)], null);
        Assert.Equal(1, SentSeq(first));
        var second = first.Pump.Attempted(1, 1, new WebhookResponse(200), Now, 0.5);
        Assert.Equal(2, SentSeq(second));
    }

    [Fact]
    public void Deliver_to_a_delivery_with_work_in_hand_is_acknowledged_at_once_without_a_write_and_never_starts_a_second_send()
    {
        var sending = Scheduled(Started(), 3).PageRead(0, [Entry(1), Entry(2), Entry(3)], null).Pump;

        var repeated = sending.Deliver(new Deliver(Id, 2));
        Assert.Empty(repeated.Persist);
        Assert.Equal(new DeliveryAcknowledged(Id, 2), repeated.Reply);

        var more = sending.Deliver(new Deliver(Id, 9));
        Assert.Empty(more.Persist);
        Assert.Empty(more.Effects);
        Assert.Equal(new DeliveryAcknowledged(Id, 9), more.Reply);
        Assert.Equal(1, more.Pump.Sending!.Entry.Seq);
        Assert.Equal((9L, 3L), (more.Pump.KnownEnd, more.Pump.State.KnownUpTo));
    }

    [Fact]
    public void Events_read_after_the_announced_end_are_sent_and_the_next_page_is_read_once_they_are_taken_up()
    {
        var pump = Scheduled(Started(), 2).Deliver(new Deliver(Id, 102)).Pump;
        var page = Enumerable.Range(1, DeliveryPump.PageSize).Select(i => Entry(i)).ToList();

        var read = pump.PageRead(0, page, null);
        Assert.Equal(1, SentSeq(read));
        var p = read.Pump;
        for (var seq = 1; seq < DeliveryPump.PageSize; seq++)
        {
            p = p.Attempted(seq, 1, new WebhookResponse(200), Now, 0.5).Pump;
        }

        var next = p.Attempted(DeliveryPump.PageSize, 1, new WebhookResponse(200), Now, 0.5);
        Assert.Contains(new DeliveryEffect.ReadPage(DeliveryPump.PageSize, DeliveryPump.PageSize), next.Effects);
    }

    [Fact]
    public void A_failed_attempt_waits_the_shared_back_off_then_the_same_event_goes_again()
    {
        var sending = Scheduled(Started(), 2).PageRead(0, [Entry(1), Entry(2)], null).Pump;

        var firstRetry = sending.Attempted(1, 1, new WebhookResponse(503), Now, 0.5);
        var retry = Assert.IsType<DeliveryEffect.RetryIn>(Assert.Single(firstRetry.Effects));
        Assert.Empty(firstRetry.Persist);
        // Jitter from 50 % to 100 % of the doubling back-off: 0.5 gives three quarters of the first 1 s.
        Assert.Equal(TimeSpan.FromMilliseconds(750), retry.Delay);
        Assert.Equal(Backoff.Jittered(1, Options.MinBackoff, Options.MaxBackoff, new Jitter(0.5, 0), 0.5), retry.Delay);
        Assert.Equal((1L, 1, 503), (retry.Seq, retry.Attempt, retry.Response.Status));

        var again = firstRetry.Pump.RetryNow();
        Assert.Equal(new DeliveryEffect.Send(Entry(1), 2), Assert.Single(again.Effects), SendComparer.Instance);

        // A late answer to the first attempt is not the current one: it changes nothing.
        var late = again.Pump.Attempted(1, 1, new WebhookResponse(200), Now, 0.5);
        Assert.Equal((late.Pump, late.Persist.Count, late.Effects.Count), (again.Pump, 0, 0));

        var secondRetry = Assert.IsType<DeliveryEffect.RetryIn>(Assert.Single(again.Pump.Attempted(1, 2, new WebhookResponse(null, null, "timed out"), Now, 0.5).Effects));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), secondRetry.Delay);

        var withRetryAfter = again.Pump.Attempted(1, 2, new WebhookResponse(429, TimeSpan.FromSeconds(7)), Now, 0.5);
        Assert.Equal(TimeSpan.FromSeconds(7), Assert.IsType<DeliveryEffect.RetryIn>(Assert.Single(withRetryAfter.Effects)).Delay);
    }

    [Fact]
    public void The_last_failed_attempt_dead_letters_the_event_tells_the_index_and_delivery_goes_on()
    {
        var pump = Scheduled(Started(), 2).PageRead(0, [Entry(1), Entry(2)], null).Pump;
        for (var attempt = 1; attempt < Options.MaxAttempts; attempt++)
        {
            pump = pump.Attempted(1, attempt, new WebhookResponse(500), Now, 0.5).Pump.RetryNow().Pump;
        }

        var given = pump.Attempted(1, Options.MaxAttempts, new WebhookResponse(500), Now, 0.5);
        var dead = Assert.IsType<EventDeadLettered>(Assert.Single(given.Persist));
        Assert.Equal((1L, 500, Now), (dead.Seq, dead.LastStatus!.Value, dead.At));
        Assert.Contains($"{Options.MaxAttempts} attempts", dead.Reason);

        var next = given.Pump.Persisted(dead);
        Assert.Equal(new DeliveryEffect.IndexDeadLetter(new DeadLetter(1, dead.Reason, 500, Now)), next.Effects[0]);
        Assert.Equal(2, SentSeq(next));
        Assert.Equal(1, next.Pump.State.Cursor);
    }

    [Fact]
    public void A_refused_event_is_dead_lettered_at_once_and_the_delivery_stays_until_the_index_confirms()
    {
        var pump = Scheduled(Started(), 1).PageRead(0, [Entry(1)], null).Pump;

        var refused = pump.Attempted(1, 1, new WebhookResponse(400), Now, 0.5);
        var dead = Assert.IsType<EventDeadLettered>(Assert.Single(refused.Persist));
        var indexing = refused.Pump.Persisted(dead);
        Assert.IsType<DeliveryEffect.IndexDeadLetter>(Assert.Single(indexing.Effects));
        Assert.True(indexing.Pump.State.CaughtUp);
        Assert.False(indexing.Pump.MayPassivate);

        var failed = indexing.Pump.IndexFailed(1);
        Assert.Equal(new DeliveryEffect.IndexAgainIn(1, Options.MinBackoff), Assert.Single(failed.Effects));
        var retold = failed.Pump.IndexNow(1);
        Assert.Equal(new DeliveryEffect.IndexDeadLetter(new DeadLetter(1, dead.Reason, 400, Now)), Assert.Single(retold.Effects));

        Assert.True(retold.Pump.IndexConfirmed(1).Pump.MayPassivate);
    }

    [Fact]
    public void After_a_crash_mid_send_delivery_resumes_with_the_unacknowledged_event_and_re_tells_the_index()
    {
        // Persisted before the crash: 1 delivered, 2 dead-lettered; 3 was on its way and its outcome never recorded.
        var recovered = DeliveryPump.Recovering(Options, includeInternal: false)
            .Recovered(new DeliveryScheduled(5))
            .Recovered(new EventDelivered(1))
            .Recovered(new EventDeadLettered(2, "refused", 400, Now));

        var start = recovered.Start();
        Assert.Equal(
            [new DeliveryEffect.IndexDeadLetter(new DeadLetter(2, "refused", 400, Now)), new DeliveryEffect.ReadPage(2, DeliveryPump.PageSize)],
            start.Effects);

        // Whatever the read returns at or before the cursor is not sent again.
        var resumed = start.Pump.PageRead(2, [Entry(2), Entry(3), Entry(4)], null);
        Assert.Equal(new DeliveryEffect.Send(Entry(3), 1), Assert.Single(resumed.Effects), SendComparer.Instance);
    }

    [Fact]
    public void After_a_crash_the_acknowledged_events_not_yet_recorded_go_again_in_order()
    {
        // Before the crash: 1 was recorded delivered; the receiver then acknowledged 2 and 3, whose record was still to
        // be written, and 4 was on its way.
        var before = Scheduled(Started(), 4).PageRead(0, [Entry(1), Entry(2), Entry(3), Entry(4)], null).Pump
            .Attempted(1, 1, new WebhookResponse(200), Now, 0.5).Pump
            .Attempted(2, 1, new WebhookResponse(200), Now, 0.5).Pump
            .Attempted(3, 1, new WebhookResponse(200), Now, 0.5).Pump
            .Persisted(new EventDelivered(1)).Pump;
        Assert.Equal((1L, 3L, 4L), (before.State.Cursor, before.Acknowledged, before.Sending!.Entry.Seq));

        var restarted = DeliveryPump.Recovering(Options, includeInternal: false).Restored(before.State).Start();
        Assert.Equal(new DeliveryEffect.ReadPage(1, DeliveryPump.PageSize), Assert.Single(restarted.Effects));
        var resent = restarted.Pump.PageRead(1, [Entry(2), Entry(3), Entry(4)], null);
        Assert.Equal(2, SentSeq(resent));
        Assert.Equal(3, SentSeq(resent.Pump.Attempted(2, 1, new WebhookResponse(200), Now, 0.5)));
    }

    [Fact]
    public void A_restart_reads_on_to_the_journals_end_so_work_acknowledged_but_never_recorded_is_found()
    {
        // Recorded: caught up at 3. Told of events up to 250 while busy, which is not recorded.
        var recovered = DeliveryPump.Recovering(Options, includeInternal: false).Recovered(new DeliveryScheduled(3)).Recovered(new EventDelivered(3));

        var start = recovered.Start();
        Assert.Equal(new DeliveryEffect.ReadPage(3, DeliveryPump.PageSize), Assert.Single(start.Effects));
        Assert.False(start.Pump.MayPassivate);

        // A full page: there may be more, so the next page is read once this one is taken up.
        var full = start.Pump.PageRead(3, Enumerable.Range(4, DeliveryPump.PageSize).Select(i => Entry(i, isInternal: true)).ToList(), null);
        Assert.Equal(new DeliveryEffect.ReadPage(3 + DeliveryPump.PageSize, DeliveryPump.PageSize), full.Effects[0]);

        // A shorter page is the end: its events go, and then the delivery may leave memory.
        var end = full.Pump.PageRead(3 + DeliveryPump.PageSize, [Entry(104), Entry(105)], null);
        Assert.Equal(104, SentSeq(end));
        var first = end.Pump.Attempted(104, 1, new WebhookResponse(200), Now, 0.5);
        Assert.Equal([new EventDelivered(104)], first.Persist);
        Assert.Equal(105, SentSeq(first));
        var recorded = first.Pump.Attempted(105, 1, new WebhookResponse(200), Now, 0.5).Pump
            .Persisted(new EventDelivered(104)).Pump
            .Persisted(new EventDelivered(105)).Pump;
        Assert.True(recorded.MayPassivate);
        Assert.Equal(105, recorded.State.Cursor);
    }

    [Fact]
    public void A_restart_that_finds_nothing_after_the_cursor_is_caught_up_and_a_failed_read_is_tried_again()
    {
        var start = DeliveryPump.Recovering(Options, includeInternal: false).Recovered(new DeliveryScheduled(3)).Recovered(new EventDelivered(3)).Start();

        var failed = start.Pump.PageRead(3, [], "the journal is down");
        Assert.Equal(new DeliveryEffect.ReadAgainIn(3, "the journal is down", Options.MinBackoff), Assert.Single(failed.Effects));
        Assert.False(failed.Pump.MayPassivate);

        var read = failed.Pump.ReadAgain();
        Assert.Equal(new DeliveryEffect.ReadPage(3, DeliveryPump.PageSize), Assert.Single(read.Effects));
        var nothing = read.Pump.PageRead(3, [], null);
        Assert.Empty(nothing.Effects);
        Assert.True(nothing.Pump.MayPassivate);
    }

    [Fact]
    public void A_restart_from_a_snapshot_resumes_after_its_cursor_and_nothing_moves_before_recovery_is_over()
    {
        var snapshot = DeliveryState.Initial.Apply(new DeliveryScheduled(8)).Apply(new EventDelivered(6));
        var recovering = DeliveryPump.Recovering(Options, includeInternal: false).Restored(snapshot).Recovered(new DeliveryScheduled(9));

        var unstarted = recovering.Persisted(new DeliveryScheduled(9));
        Assert.Empty(unstarted.Effects);

        var start = recovering.Start();
        Assert.Equal(new DeliveryEffect.ReadPage(6, DeliveryPump.PageSize), Assert.Single(start.Effects));
        Assert.False(start.Pump.MayPassivate);
    }

    [Fact]
    public void A_read_that_finds_nothing_is_tried_again_after_the_shortest_back_off()
    {
        var reading = Scheduled(Started(), 3);

        var failed = reading.PageRead(0, [], "the journal is down");
        Assert.Equal(new DeliveryEffect.ReadAgainIn(0, "the journal is down", Options.MinBackoff), Assert.Single(failed.Effects));
        Assert.False(failed.Pump.Reading);

        Assert.Equal(new DeliveryEffect.ReadPage(0, DeliveryPump.PageSize), Assert.Single(failed.Pump.ReadAgain().Effects));
    }

    [Fact]
    public void A_dead_letter_is_replayed_once_at_a_time_and_leaves_the_list_only_when_acknowledged()
    {
        var pump = DeliveryPump.Recovering(Options, includeInternal: false).Recovered(new EventDeadLettered(2, "refused", 400, Now)).Start().Pump.PageRead(2, [], null).Pump.IndexConfirmed(2).Pump;

        Assert.Equal(new NotDeadLettered(Id, 1), pump.Replay(new ReplayDeadLetter(Id, 1)).Reply);

        var replaying = pump.Replay(new ReplayDeadLetter(Id, 2));
        Assert.Equal(new ReplayStarted(Id, 2), replaying.Reply);
        Assert.Equal(new DeliveryEffect.SendReplay(2), Assert.Single(replaying.Effects));
        var twice = replaying.Pump.Replay(new ReplayDeadLetter(Id, 2));
        Assert.Equal((new ReplayStarted(Id, 2), 0), (twice.Reply, twice.Effects.Count));
        Assert.False(replaying.Pump.MayPassivate);

        var refused = replaying.Pump.ReplayAttempted(2, new WebhookResponse(503), Now);
        Assert.Empty(refused.Persist);
        Assert.Equal(new DeliveryEffect.ReplayNotAcknowledged(2, new WebhookResponse(503)), Assert.Single(refused.Effects));
        Assert.Single(refused.Pump.State.DeadLetters);

        var later = Now.AddMinutes(5);
        var acknowledged = replaying.Pump.ReplayAttempted(2, new WebhookResponse(200), later);
        Assert.Equal([new DeadLetterReplayed(2, later)], acknowledged.Persist);
        var cleared = acknowledged.Pump.Persisted(new DeadLetterReplayed(2, later));
        Assert.Equal(new DeliveryEffect.ClearIndexedDeadLetter(2), Assert.Single(cleared.Effects));
        Assert.Empty(cleared.Pump.State.DeadLetters);
        Assert.True(cleared.Pump.MayPassivate);
    }
}
