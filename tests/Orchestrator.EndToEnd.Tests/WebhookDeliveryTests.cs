using System.Text.Json.Nodes;
using Orchestrator.EndToEnd.Tests.Support;
using static Orchestrator.EndToEnd.Tests.ConversationJourneyTests;
using static Orchestrator.EndToEnd.Tests.Support.PlatformApi;

namespace Orchestrator.EndToEnd.Tests;

/// <summary>
/// Every event reaches the platform's webhook, in order, signed, whatever the receiver does: fail, time out, rate
/// limit, go down, or the service restart. Assertions are on the sequence the receiver got, never on timings.
/// </summary>
public sealed class WebhookDeliveryTests(WebhookJourney journey) : IClassFixture<WebhookJourney>
{
    [Fact]
    public async Task Every_event_arrives_once_in_order_signed_and_exactly_as_the_feed_shows_it()
    {
        var expected = await TellAConversation("hook-plain");

        var received = await AllAcknowledged("hook-plain", expected);

        WebhookAssert.KeepingTheFirstOfEachIdGivesTheConversation(received, expected);
        WebhookAssert.SentOneAtATimeInOrder(received, expected);
        Assert.Equal(expected.Count, received.Count);
        Assert.DoesNotContain(received, r => r.Body["internal"]!.GetValue<bool>());
        Assert.Contains(received, r => r.Body["type"]!.GetValue<string>() == "closed");
    }

    [Fact]
    public async Task A_receiver_that_fails_rate_limits_and_times_out_still_gets_everything_in_order_redelivered_only_where_unacknowledged()
    {
        const string token = "hook-flaky";
        journey.Receiver.Script(w => w.CustomerToken != token ? null : (w.Ordinal, w.Attempt) switch
        {
            (2, <= 2) => new ReceiverAnswer(503),
            (3, 1) => new ReceiverAnswer(429, RetryAfterSeconds: 1),
            (4, 1) => ReceiverAnswer.NoAnswer,
            (5, 1) => new ReceiverAnswer(500),
            _ => null,
        });

        var expected = await TellAConversation(token);
        var received = await AllAcknowledged(token, expected);

        WebhookAssert.KeepingTheFirstOfEachIdGivesTheConversation(received, expected);
        WebhookAssert.SentOneAtATimeInOrder(received, expected);
        WebhookAssert.RedeliveredOnlyWhereNotAcknowledged(received);
        var attemptsByOrdinal = received.GroupBy(r => r.EventId).Select(g => g.Count()).ToList();
        Assert.Equal([1, 3, 2, 2, 2], attemptsByOrdinal.Take(5));
        Assert.All(attemptsByOrdinal.Skip(5), count => Assert.Equal(1, count));

        // Retry-After: 1 is a floor for the next attempt (a lower bound, so not a timing race).
        var limited = received.Where(r => r.EventId == expected[2]["event_id"]!.GetValue<string>()).ToList();
        Assert.True(limited[1].At - limited[0].At >= TimeSpan.FromMilliseconds(950), $"retried {limited[1].At - limited[0].At} after a 429 with Retry-After: 1");
    }

    [Fact]
    public async Task A_conversation_whose_receiver_keeps_failing_does_not_hold_up_the_others()
    {
        const string stuck = "hook-stuck";
        var released = false;
        journey.Receiver.Script(w => w.CustomerToken == stuck && !Volatile.Read(ref released) ? new ReceiverAnswer(503) : null);

        var stuckCustomer = journey.Customer(stuck);
        await Accepted(stuckCustomer.RequestSession(new JsonObject { ["assign_type"] = "agent", ["agent_id"] = 397 }));
        await Eventually.Until(() => Task.FromResult(journey.Receiver.ReceivedFor(stuck).Count), count => count >= 2, "the stuck conversation being retried");

        var expected = await TellAConversation("hook-free");
        await AllAcknowledged("hook-free", expected);

        Assert.DoesNotContain(journey.Receiver.ReceivedFor(stuck), r => r.Acknowledged);
        Volatile.Write(ref released, true);
        var stuckExpected = await VisibleEvents(stuckCustomer);
        var stuckReceived = await AllAcknowledged(stuck, stuckExpected);
        WebhookAssert.KeepingTheFirstOfEachIdGivesTheConversation(stuckReceived, stuckExpected);
        WebhookAssert.SentOneAtATimeInOrder(stuckReceived, stuckExpected);
    }

    [Fact]
    public async Task A_receiver_that_is_down_and_restarts_on_the_same_port_gets_everything_in_order()
    {
        const string token = "hook-down";
        await journey.Receiver.StopAsync();
        List<JsonObject> expected;
        try
        {
            expected = await TellAConversation(token);
        }
        finally
        {
            await journey.Receiver.StartAsync();
        }

        var received = await AllAcknowledged(token, expected);

        WebhookAssert.KeepingTheFirstOfEachIdGivesTheConversation(received, expected);
        WebhookAssert.SentOneAtATimeInOrder(received, expected);
        WebhookAssert.RedeliveredOnlyWhereNotAcknowledged(received);
    }

    [Fact]
    public async Task A_service_restart_mid_stream_loses_nothing()
    {
        const string token = "hook-restart";
        var released = false;

        // The first two events go through; then the receiver fails until after the restart, so work is left over.
        journey.Receiver.Script(w => w.CustomerToken == token && w.Ordinal > 2 && !Volatile.Read(ref released) ? new ReceiverAnswer(503) : null);
        var expected = await TellAConversation(token);
        await Eventually.Until(() => Task.FromResult(journey.Receiver.ReceivedFor(token)), r => r.Count(x => x.Acknowledged) == 2 && r.Any(x => !x.Acknowledged), "two events acknowledged and the third being retried");

        await journey.Restart();
        Volatile.Write(ref released, true);

        // Nothing new happened since the restart: the delivery resumed on its own.
        var received = await AllAcknowledged(token, expected);
        WebhookAssert.KeepingTheFirstOfEachIdGivesTheConversation(received, expected);
        WebhookAssert.SentOneAtATimeInOrder(received, expected);

        // And what happens after the restart follows.
        var customer = journey.Customer(token);
        await Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "agent", ["agent_id"] = 397 }));
        await customer.StateWhere(s => Str(s, "state") == "agent", "a second agent session");
        var more = await VisibleEvents(customer);
        Assert.True(more.Count > expected.Count);
        var all = await AllAcknowledged(token, more);
        WebhookAssert.KeepingTheFirstOfEachIdGivesTheConversation(all, more);
        WebhookAssert.SentOneAtATimeInOrder(all, more);
    }

    /// <summary>An agent session with three replies, a transfer and a close; answers the feed's visible events.</summary>
    private async Task<List<JsonObject>> TellAConversation(string token)
    {
        var customer = journey.Customer(token);
        await Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "agent", ["agent_id"] = 397 }));
        var first = (await customer.StateWhere(s => Str(s, "state") == "agent", "agent session"))!["im_sub_session_id"]!.GetValue<long>();
        foreach (var i in Enumerable.Range(1, 3))
        {
            await journey.Simulator.AgentReply(first, $"{token} reply {i}");
        }

        await journey.Simulator.Transfer(first, 398);
        var second = (await customer.StateWhere(s => s["im_sub_session_id"]?.GetValue<long>() is { } s2 && s2 != first, "the transfer"))!["im_sub_session_id"]!.GetValue<long>();
        await journey.Simulator.Close(second, "normal");
        await customer.StateWhere(s => Str(s, "state") == "closed", "the close");
        return await Eventually.Until(() => VisibleEvents(customer), events => events.Any(e => Str(e, "type") == "closed"), $"{token}: the close in the feed");
    }

    private static async Task<List<JsonObject>> VisibleEvents(PlatformApi customer) =>
        (await customer.Events(limit: 1000))["events"]!.AsArray().Select(e => e!.AsObject()).ToList();

    private Task<IReadOnlyList<ReceivedWebhook>> AllAcknowledged(string token, IReadOnlyList<JsonObject> expected)
    {
        var ids = expected.Select(e => e["event_id"]!.GetValue<string>()).ToHashSet();
        return Eventually.Until(
            () => Task.FromResult(journey.Receiver.ReceivedFor(token)),
            received => ids.IsSubsetOf(received.Where(r => r.Acknowledged).Select(r => r.EventId)),
            $"{token}: every event acknowledged by the receiver",
            TimeSpan.FromSeconds(60));
    }
}
