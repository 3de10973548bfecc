using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Orchestrator.EndToEnd.Tests.Support;
using static Orchestrator.EndToEnd.Tests.ConversationJourneyTests;
using static Orchestrator.EndToEnd.Tests.Support.PlatformApi;

namespace Orchestrator.EndToEnd.Tests;

/// <summary>
/// Events the receiver refuses (4xx) or never acknowledges within the attempts go to the tenant's dead-letter list;
/// delivery goes on with the next; a replay sends one again and clears it once acknowledged.
/// </summary>
public sealed class WebhookDeadLetterTests(ImpatientWebhookJourney journey) : IClassFixture<ImpatientWebhookJourney>
{
    [Fact]
    public async Task A_refused_event_is_dead_lettered_the_rest_still_arrive_and_a_replay_delivers_it()
    {
        const string token = "dead-refused";
        var refusing = true;
        journey.Receiver.Script(w => w.CustomerToken == token && w.Ordinal == 2 && Volatile.Read(ref refusing) ? new ReceiverAnswer(400) : null);

        var expected = await TellAConversation(token);
        var refusedId = expected[1]["event_id"]!.GetValue<string>();
        var rest = expected.Where(e => e["event_id"]!.GetValue<string>() != refusedId).ToList();
        var received = await Acknowledged(token, rest);

        Assert.Single(received, r => r.EventId == refusedId);
        WebhookAssert.KeepingTheFirstOfEachIdGivesTheConversation(received.Where(r => r.EventId != refusedId).ToList(), rest);
        WebhookAssert.SentOneAtATimeInOrder(received, expected, givenUp: new HashSet<string> { refusedId });
        var dead = await DeadLetterOf(refusedId);
        Assert.Equal(400, dead["last_status"]!.GetValue<int>());
        Assert.Equal(token, Str(dead, "customer_token"));
        Assert.Equal(expected[1]["seq"]!.GetValue<long>(), dead["seq"]!.GetValue<long>());
        Assert.Contains("400", Str(dead, "reason"));

        Volatile.Write(ref refusing, false);
        var id = dead["id"]!.GetValue<long>();
        var accepted = await Accepted(journey.Orchestrator.Http.PostAsync($"v1/deliveries/dead/{id}/replay", null));
        Assert.Equal(refusedId, Str(accepted, "event_id"));

        var replayed = await Acknowledged(token, expected);
        Assert.Equal(2, replayed.Count(r => r.EventId == refusedId));
        Assert.True(JsonNode.DeepEquals(expected[1], replayed.Last(r => r.EventId == refusedId).Body));
        await Eventually.Until(DeadLetters, list => list.All(d => Str(d, "event_id") != refusedId), "the replayed event leaving the dead-letter list");
        using var again = await journey.Orchestrator.Http.PostAsync($"v1/deliveries/dead/{id}/replay", null);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task An_event_never_acknowledged_is_dead_lettered_after_the_last_attempt_with_its_last_status()
    {
        const string token = "dead-exhausted";
        journey.Receiver.Script(w => w.CustomerToken == token && w.Ordinal == 1 ? new ReceiverAnswer(503) : null);

        var expected = await TellAConversation(token);
        var failingId = expected[0]["event_id"]!.GetValue<string>();
        var received = await Acknowledged(token, expected.Skip(1).ToList());

        Assert.Equal(3, received.Count(r => r.EventId == failingId));
        Assert.Equal(expected.Count - 1, received.Count(r => r.Acknowledged));
        WebhookAssert.SentOneAtATimeInOrder(received, expected, givenUp: new HashSet<string> { failingId });
        var dead = await DeadLetterOf(failingId);
        Assert.Equal(503, dead["last_status"]!.GetValue<int>());
        Assert.Contains("3 attempts", Str(dead, "reason"));
    }

    [Fact]
    public async Task The_dead_letter_list_pages_with_after_and_limit()
    {
        const string token = "dead-paged";
        journey.Receiver.Script(w => w.CustomerToken == token && w.Ordinal <= 3 ? new ReceiverAnswer(410) : null);

        var expected = await TellAConversation(token);
        var refused = expected.Take(3).Select(e => e["event_id"]!.GetValue<string>()).ToList();
        await Eventually.Until(DeadLetters, list => refused.All(id => list.Any(d => Str(d, "event_id") == id)), "three dead letters");

        var pages = new List<string>();
        long after = 0;
        while (true)
        {
            var page = await journey.Orchestrator.Http.GetFromJsonAsync<JsonObject>($"v1/deliveries/dead?after={after}&limit=1");
            var entries = page!["dead_letters"]!.AsArray();
            if (entries.Count == 0)
            {
                break;
            }

            Assert.Single(entries);
            pages.Add(Str(entries[0]!.AsObject(), "event_id")!);
            after = page["next_after"]!.GetValue<long>();
        }

        Assert.Equal(refused, pages.Where(refused.Contains));
    }

    [Theory]
    [InlineData("v1/deliveries/dead?limit=0", "limit")]
    [InlineData("v1/deliveries/dead?after=-3", "after")]
    [InlineData("v1/deliveries/dead/zero/replay", "id")]
    public async Task Bad_input_is_a_problem_naming_the_field(string path, string field)
    {
        using var response = path.EndsWith("/replay", StringComparison.Ordinal)
            ? await journey.Orchestrator.Http.PostAsync(path, null)
            : await journey.Orchestrator.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]?[field]);
    }

    [Fact]
    public async Task Replaying_an_unknown_dead_letter_is_not_found()
    {
        using var response = await journey.Orchestrator.Http.PostAsync("v1/deliveries/dead/987654/replay", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("urn:orchestrator:problem:unknown-dead-letter", Str(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), "type"));
    }

    [Theory]
    [InlineData("Url", "ftp://platform.example/hook", "Orchestrator:Tenants:default:Webhook:Url")]
    [InlineData("Url", "/relative/hook", "Orchestrator:Tenants:default:Webhook:Url")]
    [InlineData("Secret", "short", "Orchestrator:Tenants:default:Webhook:Secret")]
    public async Task A_bad_webhook_setting_stops_the_service_naming_the_key(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Orchestrator:Tenants:default:Webhook:Url"] = "https://platform.example/hook",
            ["Orchestrator:Tenants:default:Webhook:Secret"] = WebhookJourney.Secret,
            [$"Orchestrator:Tenants:default:Webhook:{key}"] = value,
        };

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => OrchestratorInstance.StartAsync(journey.Udesk, settings: settings));

        Assert.Contains(named, failure.Message);
    }

    private async Task<List<JsonObject>> TellAConversation(string token)
    {
        var customer = journey.Customer(token);
        await Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "agent", ["agent_id"] = 397 }));
        var session = (await customer.StateWhere(s => Str(s, "state") == "agent", "agent session"))!["im_sub_session_id"]!.GetValue<long>();
        foreach (var i in Enumerable.Range(1, 3))
        {
            await journey.Simulator.AgentReply(session, $"{token} reply {i}");
        }

        await journey.Simulator.Close(session, "normal");
        await customer.StateWhere(s => Str(s, "state") == "closed", "the close");
        return await Eventually.Until(
            async () => (await customer.Events(limit: 1000))["events"]!.AsArray().Select(e => e!.AsObject()).ToList(),
            events => events.Any(e => Str(e, "type") == "closed"),
            $"{token}: the close in the feed");
    }

    private Task<IReadOnlyList<ReceivedWebhook>> Acknowledged(string token, IReadOnlyList<JsonObject> events)
    {
        var ids = events.Select(e => e["event_id"]!.GetValue<string>()).ToHashSet();
        return Eventually.Until(
            () => Task.FromResult(journey.Receiver.ReceivedFor(token)),
            received => ids.IsSubsetOf(received.Where(r => r.Acknowledged).Select(r => r.EventId)),
            $"{token}: the events acknowledged",
            TimeSpan.FromSeconds(60));
    }

    private async Task<List<JsonObject>> DeadLetters() =>
        (await journey.Orchestrator.Http.GetFromJsonAsync<JsonObject>("v1/deliveries/dead?limit=1000"))!["dead_letters"]!.AsArray().Select(d => d!.AsObject()).ToList();

    private Task<JsonObject> DeadLetterOf(string eventId) =>
        Eventually.Until(async () => (await DeadLetters()).FirstOrDefault(d => Str(d, "event_id") == eventId), d => d is not null, $"{eventId} in the dead-letter list")!;
}
