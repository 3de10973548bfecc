using System.Text.Json;
using Orchestrator.Conversations.Audit;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Tests.Domain;
using Orchestrator.Conversations.Tests.Serialization;
using Orchestrator.Udesk.Sessions;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Tests.Audit;

/// <summary>The audit of golden event sequences: made by the real decider from platform commands and Udesk's pushes.</summary>
public sealed class AuditProjectionTests
{
    private const string Key = "crm-backend";
    private static readonly ConversationId Id = ConversationScenario.Id;

    /// <summary>
    /// An agent session asked for by the platform, a customer message, an agent reply, a transfer before the
    /// message's answer, Udesk refusing it for the old session (so it is sent again), and a close by the platform.
    /// </summary>
    private static ConversationScenario Journey()
    {
        var scenario = new ConversationScenario();
        scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Agent }) { IssuedBy = Key });
        scenario.AnswerSession(new SessionAnswer(SessionAnswerKind.Agent) { ImSubSessionId = new SessionId(3), Agent = new AgentInfo(1, "TOM", null) });
        scenario.Do(new SendMessage(Id, "m-1", "message", new MessagePayload { Content = "hello, agent" }) { IssuedBy = Key });
        scenario.Push("agent", Pushes.Agent("message", "a-1", 3, "hello, customer"));
        scenario.Push("agent", Pushes.Agent("transfer", "t-1", 4, "transferred", agentId: 2, agentName: "ANN"));
        scenario.Do(new CompleteCall(Id, scenario.State.Outbox[0].Seq, new CallOutcome.Refused(9200, "session does not exist"), SentTo: 3));
        scenario.Answer(new CallOutcome.Done());
        scenario.Do(new CloseSession(Id) { IssuedBy = Key });
        return scenario;
    }

    [Fact]
    public void Every_session_transfer_message_call_answer_refusal_and_retry_is_listed_in_order()
    {
        var entries = AuditProjection.Of(Journey().History);

        Assert.Equal(
            [
                "udesk_call", "udesk_answer", "session_started", "customer_message", "message", "transferred", "udesk_answer", "refusal", "customer_message_retry",
                "udesk_answer", "customer_message_delivered", "closed", "udesk_call",
            ],
            entries.Select(e => e.Kind));
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Seq));
    }

    [Fact]
    public void Sessions_carry_their_im_sub_session_id_and_agent()
    {
        var entries = AuditProjection.Of(Journey().History);

        var started = entries.Single(e => e.Kind == "session_started");
        Assert.Equal((3L, "TOM (1)"), (started.ImSubSessionId, started.Agent));
        var transfer = entries.Single(e => e.Kind == "transferred");
        Assert.Equal((4L, "ANN (2)", "t-1"), (transfer.ImSubSessionId, transfer.Agent, transfer.MessageId));
        Assert.Equal("from im_sub_session_id 3", transfer.Detail);
    }

    [Fact]
    public void Messages_in_both_directions_have_their_message_id_and_content()
    {
        var entries = AuditProjection.Of(Journey().History);

        var customer = entries.Single(e => e.Kind == "customer_message");
        Assert.Equal(("customer_to_udesk", "m-1", "hello, agent", 3L), (customer.Direction, customer.MessageId, customer.Content, customer.ImSubSessionId));
        var agent = entries.Single(e => e.Kind == "message");
        Assert.Equal(("udesk_to_customer", "a-1", "hello, customer", 3L), (agent.Direction, agent.MessageId, agent.Content, agent.ImSubSessionId));
    }

    [Fact]
    public void A_robot_answer_reads_as_its_answer_text()
    {
        var scenario = new ConversationScenario().InRobotSession();
        scenario.Push("robot", Pushes.Robot("r-1", "We do cloud customer service."));

        var answer = AuditProjection.Of(scenario.History).Single(e => e.MessageId == "r-1");

        Assert.Equal(("message", "We do cloud customer service."), (answer.Kind, answer.Content));
    }

    [Fact]
    public void Udesk_calls_show_the_request_and_each_answer_its_call_code_and_time()
    {
        var history = Journey().History;
        var entries = AuditProjection.Of(history);

        var request = entries[0];
        Assert.Equal("create-session", request.UdeskCall);
        Assert.Equal("agent", JsonDocument.Parse(request.UdeskRequest!).RootElement.GetProperty("request").GetProperty("assignType").GetString());
        var sessionAnswer = entries[1];
        Assert.Equal(("create-session", "session-answered", "call #1: agent TOM (1), im_sub_session_id 3"), (sessionAnswer.UdeskCall, sessionAnswer.UdeskAnswer, sessionAnswer.Detail));
        Assert.Equal(history[1].At, sessionAnswer.At);

        var refusedAnswer = entries[6];
        Assert.Equal(("send-message", "refused", 9200), (refusedAnswer.UdeskCall, refusedAnswer.UdeskAnswer, refusedAnswer.UdeskCode));
        Assert.Equal(3, JsonDocument.Parse(refusedAnswer.UdeskRequest!).RootElement.GetProperty("imSubSessionId").GetInt64());
        Assert.Equal(("send-message", "done"), (entries[9].UdeskCall, entries[9].UdeskAnswer));
        Assert.Equal(4, JsonDocument.Parse(entries[9].UdeskRequest!).RootElement.GetProperty("imSubSessionId").GetInt64());
    }

    [Fact]
    public void A_refused_message_sent_again_is_a_refusal_then_a_retry_to_the_new_session()
    {
        var entries = AuditProjection.Of(Journey().History);

        var refusal = entries.Single(e => e.Kind == "refusal");
        Assert.Equal(("m-1", 9200), (refusal.MessageId, refusal.UdeskCode));
        Assert.Contains("retried to the current session", refusal.Detail, StringComparison.Ordinal);
        var retry = entries.Single(e => e.Kind == "customer_message_retry");
        Assert.Equal(("m-1", 4L, "hello, agent"), (retry.MessageId, retry.ImSubSessionId, retry.Content));
    }

    [Fact]
    public void Platform_commands_name_the_API_key_and_Udesks_doings_name_none()
    {
        var entries = AuditProjection.Of(Journey().History);

        var issued = entries.Where(e => e.IssuedBy is not null).Select(e => (e.Seq, e.Kind)).ToList();
        Assert.Equal([(1L, "udesk_call"), (4L, "customer_message"), (12L, "closed"), (13L, "udesk_call")], issued);
        Assert.All(entries.Where(e => e.IssuedBy is not null), e => Assert.Equal(Key, e.IssuedBy));
    }

    [Fact]
    public void Every_duplicate_dropped_is_listed_with_its_id_kind_time_and_the_key_that_repeated_it()
    {
        var scenario = new ConversationScenario().InAgentSession(3);
        scenario.Push("agent", Pushes.Agent("message", "a-1", 3, "hello"));
        scenario.Do(new SendMessage(Id, "m-1", "message", new MessagePayload { Content = "hi" }) { IssuedBy = Key });
        for (var i = 0; i < 5; i++)
        {
            scenario.Push("agent", Pushes.Agent("message", "a-1", 3, "hello"));
        }

        scenario.Do(new SendMessage(Id, "m-1", "message", new MessagePayload { Content = "hi" }) { IssuedBy = "retrying-client" });

        var duplicates = AuditProjection.Of(scenario.History).Where(e => e.Kind == "duplicate_dropped").ToList();
        var history = scenario.History.OfType<DuplicateDropped>().ToList();
        Assert.Equal(
            [("a-1", "udesk_to_customer", null), ("a-1", "udesk_to_customer", null), ("a-1", "udesk_to_customer", null), ("m-1", "customer_to_udesk", "retrying-client")],
            duplicates.Select(d => (d.MessageId, d.Direction, d.IssuedBy)));
        Assert.Equal(history.Select(d => d.At), duplicates.Select(d => d.At));
        Assert.StartsWith("udesk_push message repeated (repeat 1)", duplicates[0].Detail, StringComparison.Ordinal);
        Assert.EndsWith("later repeats of this id are not recorded", duplicates[2].Detail, StringComparison.Ordinal);
        Assert.StartsWith("platform_message message repeated (repeat 1)", duplicates[3].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Platform_commands_recorded_before_keys_were_kept_show_the_key_as_unknown()
    {
        var unsigned = Journey().History.Select(e => e with { IssuedBy = null });

        var entries = AuditProjection.Of(unsigned);

        Assert.Equal(
            [(1L, "unknown"), (4L, "unknown"), (12L, "unknown"), (13L, "unknown")],
            entries.Where(e => e.IssuedBy is not null).Select(e => (e.Seq, e.IssuedBy!)));
    }

    [Fact]
    public void Closing_a_session_the_customer_declined_is_not_a_platform_command()
    {
        var raw = Pushes.Agent("start_session", "s-9", 9);
        var entries = AuditProjection.Of(
        [
            new SessionDeclined(1, DateTimeOffset.UnixEpoch, new SessionId(9), "s-9", "start_session", raw),
            new UdeskCallQueued(2, DateTimeOffset.UnixEpoch, new OutboundCall.CloseSession(new SessionId(9))),
        ]);

        Assert.Equal([null, null], entries.Select(e => e.IssuedBy));
        Assert.Equal(9L, entries[1].ImSubSessionId);
    }

    public static TheoryData<string> EventSamples()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in SampleMessages.Named().Where(s => s.Sample is Event))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EventSamples))]
    public void Every_persisted_event_type_has_an_audit_reading(string name)
    {
        var sample = (Event)SampleMessages.Named().Single(s => s.Name == name).Sample;

        var entry = Assert.Single(AuditProjection.Of([sample]));

        Assert.NotEqual("unknown_event", entry.Kind);
        Assert.Equal((sample.Seq, sample.At), (entry.Seq, entry.At));
    }
}
