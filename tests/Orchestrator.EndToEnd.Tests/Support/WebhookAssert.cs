using System.Text.Json.Nodes;

namespace Orchestrator.EndToEnd.Tests.Support;

/// <summary>What a platform may rely on, checked on the sequence its receiver got.</summary>
public static class WebhookAssert
{
    /// <summary>
    /// Keeping the first acknowledged request of each event id gives exactly <paramref name="expected"/> (the feed's
    /// visible events), in order; no event id ever carried two different events; every request was signed.
    /// </summary>
    public static void KeepingTheFirstOfEachIdGivesTheConversation(IReadOnlyList<ReceivedWebhook> received, IReadOnlyList<JsonObject> expected)
    {
        var firsts = received.Where(r => r.Acknowledged).DistinctBy(r => r.EventId).ToList();
        Assert.Equal(expected.Select(e => e["event_id"]!.GetValue<string>()), firsts.Select(r => r.EventId));
        foreach (var (first, feedEvent) in firsts.Zip(expected))
        {
            Assert.True(JsonNode.DeepEquals(feedEvent, first.Body), $"{first.EventId} was delivered as {first.Body.ToJsonString()} but the feed has {feedEvent.ToJsonString()}");
        }

        foreach (var sameId in received.GroupBy(r => r.EventId))
        {
            Assert.Single(sameId.Select(r => r.Body.ToJsonString()).Distinct());
        }

        Assert.All(received, r => Assert.True(r.SignatureValid, $"{r.EventId} had a bad signature"));
        Assert.All(received, r => Assert.Equal(r.EventId, r.EventIdHeader));
    }

    /// <summary>Event n+1 never arrived before n was acknowledged (or, with <paramref name="givenUp"/>, given up on).</summary>
    public static void SentOneAtATimeInOrder(IReadOnlyList<ReceivedWebhook> received, IReadOnlyList<JsonObject> expected, IReadOnlySet<string>? givenUp = null)
    {
        var order = expected.Select(e => e["event_id"]!.GetValue<string>()).ToList();
        var acknowledged = new HashSet<string>(givenUp ?? new HashSet<string>());
        foreach (var request in received)
        {
            var place = order.IndexOf(request.EventId);
            Assert.True(place >= 0, $"{request.EventId} is not a visible event of the conversation");
            if (!(givenUp?.Contains(request.EventId) ?? false))
            {
                var missing = order.Take(place).Where(id => !acknowledged.Contains(id)).ToList();
                Assert.True(missing.Count == 0, $"{request.EventId} arrived before {string.Join(", ", missing)} was acknowledged");
            }

            if (request.Acknowledged)
            {
                acknowledged.Add(request.EventId);
            }
        }
    }

    /// <summary>Nothing came again once acknowledged: every repeat answers a request the receiver did not acknowledge.</summary>
    public static void RedeliveredOnlyWhereNotAcknowledged(IReadOnlyList<ReceivedWebhook> received)
    {
        foreach (var sameId in received.GroupBy(r => r.EventId))
        {
            var requests = sameId.ToList();
            Assert.Single(requests, r => r.Acknowledged);
            Assert.True(requests[^1].Acknowledged, $"{sameId.Key} came again after it was acknowledged");
        }
    }
}
