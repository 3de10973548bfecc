using Microsoft.Kiota.Abstractions.Serialization;
using Orchestrator.Client.Models;
using Orchestrator.ClientGeneration.Tests.Support;
using Orchestrator.EndToEnd.Tests.Support;

namespace Orchestrator.ClientGeneration.Tests;

/// <summary>
/// A platform that knows the service only by its OpenAPI document: the client Kiota generated from it drives one
/// conversation against the real service with the simulator as Udesk, and reads what happened from the feed.
/// </summary>
public sealed class GeneratedClientConversationTests(Journey journey) : IClassFixture<Journey>
{
    private const long Agent = 397;

    [Fact]
    public async Task A_platform_drives_a_conversation_with_the_generated_client()
    {
        var client = GeneratedClient.For(journey.Orchestrator.Http);
        var token = $"kiota-{Guid.NewGuid():N}";
        var conversation = client.V1.Conversations[token];

        var customer = await client.V1.Customers[token].PutAsync(new CustomerBody { NickName = "Generated client", Tags = ["kiota"] });
        Assert.Equal(token, customer?.Customer?.OpenApiToken);

        var requested = await conversation.Session.PostAsync(new SessionRequestBody { AssignType = "agent", AgentId = Agent });
        Assert.True(requested?.Seq > 0, "the session request was not accepted with a seq");
        var withAgent = await Eventually.Until(() => conversation.GetAsync(), c => c is { State: "agent", PendingUdeskCalls: 0 }, $"{token}: agent session");
        Assert.Equal(Agent, withAgent!.Agent?.Id);

        var message = new MessageBody { MessageId = "kiota-m1", Type = "message", Data = new MessageData { Content = "Where is my parcel?" } };
        var sent = await conversation.Messages.PostAsync(message);
        var again = await conversation.Messages.PostAsync(message);
        Assert.Equal((sent?.Seq, false, true), (again?.Seq, sent?.Duplicate, again?.Duplicate));

        const string Reply = "It left the depot this morning.";
        await journey.Simulator.AgentReply(withAgent.ImSubSessionId!.Value, Reply);
        var events = await Feed(conversation, e => e.Type == "message" && AgentText(e) == Reply);

        var customerMessage = Assert.Single(events, e => e.Type == "customer_message");
        Assert.Equal(("kiota-m1", "Where is my parcel?"), (customerMessage.MessageId, Text(customerMessage.Data?.AdditionalData, "content")));
        Assert.Single(events, e => e.Type == "customer_message_delivered" && e.MessageId == "kiota-m1");
        Assert.Equal(withAgent.ImSubSessionId, Assert.Single(events, e => e.Type == "message" && AgentText(e) == Reply).ImSubSessionId);
        Assert.Equal(events.Select(e => e.Seq).Order(), events.Select(e => e.Seq));
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task Errors_reach_the_generated_client_as_problem_details()
    {
        var client = GeneratedClient.For(journey.Orchestrator.Http);

        var unknown = await Assert.ThrowsAsync<ProblemDetails>(() => client.V1.Conversations[$"nobody-{Guid.NewGuid():N}"].GetAsync());
        var invalid = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() => client.V1.Conversations["someone"].Messages.PostAsync(new MessageBody { Type = "message" }));

        Assert.Equal((404, "urn:orchestrator:problem:unknown-conversation"), (unknown.Status, unknown.Type));
        Assert.Equal(400, invalid.Status);
        Assert.Contains("message_id", invalid.Errors?.AdditionalData.Keys ?? []);
    }

    /// <summary>The conversation's events (internal ones left out, as a platform reads them), long-polled until one satisfies <paramref name="until"/>.</summary>
    private static async Task<List<FeedEventView>> Feed(Orchestrator.Client.V1.Conversations.Item.WithTokenItemRequestBuilder conversation, Func<FeedEventView, bool> until)
    {
        var events = new List<FeedEventView>();
        await Eventually.True(
            async () =>
            {
                var page = await conversation.Events.GetAsync(r =>
                {
                    r.QueryParameters.After = events.Count == 0 ? 0 : events[^1].Seq;
                    r.QueryParameters.Wait = 5;
                });
                events.AddRange(page?.Events ?? []);
                return events.Any(until);
            },
            "the awaited event in the feed");
        return events;
    }

    /// <summary>A text value of a free-form object: Kiota keeps it as a string or an untyped node.</summary>
    private static string? Text(IDictionary<string, object>? values, string name) =>
        values is not null && values.TryGetValue(name, out var value) ? value switch { string text => text, UntypedString text => text.GetValue(), _ => $"{value.GetType().Name}: {value}" } : null;

    /// <summary>The agent's text in Udesk's own payload of a <c>message</c> event (<c>udesk.data.content</c>).</summary>
    private static string? AgentText(FeedEventView e) => (Field(Field(e.Udesk, "data"), "content") as UntypedString)?.GetValue();

    private static UntypedNode? Field(UntypedNode? node, string name) =>
        node is UntypedObject json && json.GetValue().TryGetValue(name, out var value) ? value : null;
}
