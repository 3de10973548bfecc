using Orchestrator.Conversations.Tests.Domain;
using System.Text.Json;
using Akka.Actor;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Actors;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Tests.Support;
using Orchestrator.Conversations.Throttling;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Throttling;

/// <summary>The throttles wired to Udesk's door: what the scripted Udesk received, on a budget whose clock the test moves.</summary>
public sealed class ConversationThrottleTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly ConversationId Id = new("default", "throttled");

    public ConversationThrottleTests()
        : base(ConversationFixture.InMemoryPersistence)
    {
    }

    private IActorRef AgentConversation(ConversationFixture fixture) => AgentConversation(fixture, Sys.ActorOf(CallBudgetActor.Props(fixture.Limits, TimeProvider.System)));

    private IActorRef AgentConversation(ConversationFixture fixture, IActorRef budget)
    {
        var conversation = Sys.ActorOf(ConversationActor.Props(Id, fixture.Runtime(budget)));
        conversation.Tell(Pushes.Batch(Id, "agent", [JsonSerializer.SerializeToElement(new { type = "start_session", message_id = "s1", agent_id = 1, im_sub_session_id = 3, data = new { content = "started" } })]));
        ExpectMsg<Accepted>();
        return conversation;
    }

    [Fact]
    public void Previews_reach_the_session_in_order_coalesced_and_the_last_one_arrives()
    {
        // The window's timing is PreviewGateTests' (on a fake clock); this is the wiring to Udesk.
        using var fixture = new ConversationFixture();
        var conversation = AgentConversation(fixture);
        const int typed = 80;

        for (var i = 1; i <= typed; i++)
        {
            conversation.Tell(new SendPreview(Id, $"p{i}"));
        }

        AwaitCondition(() => fixture.Udesk.Bodies("/message_preview").LastOrDefault()?["content"]?.GetValue<string>() == $"p{typed}", TimeSpan.FromSeconds(10));
        var sent = fixture.Udesk.Answered.Where(a => a.Path.EndsWith("/message_preview", StringComparison.Ordinal)).ToList();

        Assert.True(sent.Count < typed, $"{sent.Count} of {typed} previews sent: they should coalesce");
        Assert.All(sent, s => Assert.EndsWith("/im/sessions/3/message_preview", s.Path, StringComparison.Ordinal));
        var contents = sent.Select(s => int.Parse(s.Body!["content"]!.GetValue<string>()[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(contents.Order().Distinct(), contents);
    }

    [Fact]
    public async Task Customer_messages_wait_for_the_company_budget_and_keep_their_order()
    {
        // The budget on a fake clock: each window ends only when the test moves the clock.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var fixture = new ConversationFixture(limits: new CallBudgetOptions { CallsPerMinute = 4 });
        var window = fixture.Limits.BudgetWindow + fixture.Limits.SafetyMargin;
        var budget = Sys.ActorOf(CallBudgetActor.Props(fixture.Limits, time));
        var conversation = AgentConversation(fixture, budget);

        foreach (var i in Enumerable.Range(1, 16))
        {
            conversation.Tell(new SendMessage(Id, $"m{i}", "message", new MessagePayload { Content = "x" }));
            ExpectMsg<Accepted>();
        }

        for (var made = 4; made <= 16; made += 4)
        {
            // Answered and completed: the conversation returned each permit before it recorded the call done.
            await Eventually.True(async () => (await conversation.Ask<State>(new GetState(Id))).Conversation.Outbox.Count == 16 - made, $"{made} messages made");
            budget.Tell(new TryAcquirePermit(Id.Tenant, CallPriority.Query, CallLane.General, made));
            ExpectMsg<PermitRefused>(m => m.RequestId == made);
            Assert.Equal(made, fixture.Udesk.Bodies("/im/messages").Count);

            time.Advance(window);
            // The budget's own timer runs on the real clock; any message makes it grant what the fake one allows.
            budget.Tell(new TryAcquirePermit("another-tenant", CallPriority.Query, CallLane.General, -made));
            ExpectMsg<PermitGranted>(m => m.RequestId == -made);
        }

        var sent = fixture.Udesk.Answered.Where(a => a.Path.EndsWith("/im/messages", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 16).Select(i => $"m{i}"), sent.Select(s => s.Body!["message_id"]!.GetValue<string>()));
    }
}
