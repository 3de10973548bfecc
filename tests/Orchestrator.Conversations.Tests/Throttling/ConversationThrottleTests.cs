using Orchestrator.Conversations.Tests.Domain;
using System.Text.Json;
using Akka.Actor;
using Orchestrator.Conversations.Actors;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Tests.Support;
using Orchestrator.Conversations.Throttling;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Throttling;

/// <summary>Throttles measured at Udesk's door: the times the scripted Udesk received each call.</summary>
public sealed class ConversationThrottleTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly ConversationId Id = new("default", "throttled");

    public ConversationThrottleTests()
        : base(ConversationFixture.InMemoryPersistence)
    {
    }

    private IActorRef AgentConversation(ConversationFixture fixture)
    {
        var budget = Sys.ActorOf(CallBudgetActor.Props(fixture.Limits, TimeProvider.System));
        var conversation = Sys.ActorOf(ConversationActor.Props(Id, fixture.Runtime(budget)));
        conversation.Tell(Pushes.Batch(Id, "agent", [JsonSerializer.SerializeToElement(new { type = "start_session", message_id = "s1", agent_id = 1, im_sub_session_id = 3, data = new { content = "started" } })]));
        ExpectMsg<Accepted>();
        return conversation;
    }

    [Fact]
    public async Task Previews_stay_within_three_per_second_coalesce_and_the_last_one_always_arrives()
    {
        using var fixture = new ConversationFixture();
        var conversation = AgentConversation(fixture);
        const int typed = 80;

        // Typing: a preview every 50 ms for 4 s.
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        for (var i = 1; i <= typed; i++)
        {
            conversation.Tell(new SendPreview(Id, $"p{i}"));
            await pace.WaitForNextTickAsync();
        }

        AwaitCondition(() => fixture.Udesk.Bodies("/message_preview").LastOrDefault()?["content"]?.GetValue<string>() == $"p{typed}", TimeSpan.FromSeconds(10));
        var sent = fixture.Udesk.Answered.Where(a => a.Path.EndsWith("/message_preview", StringComparison.Ordinal)).ToList();

        WindowAssert.AtMost(3, TimeSpan.FromSeconds(1), sent.Select(s => s.At).ToList());
        Assert.True(sent.Count < typed, $"{sent.Count} of {typed} previews sent: they should coalesce");
        Assert.All(sent, s => Assert.EndsWith("/im/sessions/3/message_preview", s.Path, StringComparison.Ordinal));
        var contents = sent.Select(s => int.Parse(s.Body!["content"]!.GetValue<string>()[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(contents.Order(), contents);
    }

    [Fact]
    public void Customer_messages_respect_the_company_budget_and_keep_their_order()
    {
        using var fixture = new ConversationFixture(limits: new CallBudgetOptions { CallsPerMinute = 4, BudgetWindow = TimeSpan.FromSeconds(1) });
        var conversation = AgentConversation(fixture);

        foreach (var i in Enumerable.Range(1, 16))
        {
            conversation.Tell(new SendMessage(Id, $"m{i}", "message", new MessagePayload { Content = "x" }));
            ExpectMsg<Accepted>();
        }

        AwaitCondition(() => fixture.Udesk.Bodies("/im/messages").Count == 16, TimeSpan.FromSeconds(15));
        var sent = fixture.Udesk.Answered.Where(a => a.Path.EndsWith("/im/messages", StringComparison.Ordinal)).ToList();

        WindowAssert.AtMost(4, TimeSpan.FromSeconds(1), sent.Select(s => s.At).ToList());
        Assert.Equal(Enumerable.Range(1, 16).Select(i => $"m{i}"), sent.Select(s => s.Body!["message_id"]!.GetValue<string>()));
    }
}
