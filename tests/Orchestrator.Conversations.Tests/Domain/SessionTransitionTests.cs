using Orchestrator.Udesk.Sessions;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Domain;

public sealed class SessionTransitionTests
{
    private static readonly ConversationId Id = ConversationScenario.Id;

    [Fact]
    public void A_session_request_is_an_outbox_call_first_and_a_state_only_when_udesk_answers()
    {
        var scenario = new ConversationScenario();

        var decision = scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Robot }));

        var queued = Assert.IsType<UdeskCallQueued>(Assert.Single(decision.Events));
        Assert.IsType<OutboundCall.CreateSession>(queued.Call);
        Assert.Equal(new Accepted(1), decision.Reply);
        Assert.Equal(ConversationStatus.Idle, scenario.State.Status);
        Assert.True(scenario.State.SessionRequestPending);

        scenario.AnswerSession(new SessionAnswer(SessionAnswerKind.Robot) { Welcome = "Hi" });

        Assert.Equal(ConversationStatus.Robot, scenario.State.Status);
        Assert.Empty(scenario.State.Outbox);
        Assert.False(scenario.State.SessionRequestPending);
        Assert.Equal([1L, 2, 3], scenario.History.Select(e => e.Seq));
    }

    [Fact]
    public void A_urobot_session_keeps_robot_scene_and_urobot_session_ids()
    {
        var scenario = new ConversationScenario();
        scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Urobot, RobotId = 12362, SceneId = 39 }));

        scenario.AnswerSession(new SessionAnswer(SessionAnswerKind.Urobot) { UrobotSessionId = 23702, Welcome = "Hello" });

        Assert.Equal(ConversationStatus.Urobot, scenario.State.Status);
        Assert.Equal((12362L, 39L, 23702L), (scenario.State.RobotId!.Value, scenario.State.SceneId!.Value, scenario.State.UrobotSessionId!.Value));
    }

    [Fact]
    public void A_urobot_request_without_robot_and_scene_is_refused()
    {
        var decision = new ConversationScenario().Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Urobot }));

        Assert.Empty(decision.Events);
        Assert.Equal(RejectionReason.Invalid, Assert.IsType<Rejected>(decision.Reply).Reason);
    }

    [Theory]
    [InlineData("queue:company:1:agent:486", 3)]
    [InlineData(null, 0)]
    public void Code_2001_queues_with_name_and_position_or_marks_assignment_in_progress(string? queue, int position)
    {
        var scenario = new ConversationScenario().InRobotSession();
        scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Agent }));

        scenario.AnswerSession(new SessionAnswer(position == 0 ? SessionAnswerKind.AssignmentInProgress : SessionAnswerKind.Queued) { QueueName = queue, Position = position });

        Assert.Equal(ConversationStatus.Queued, scenario.State.Status);
        Assert.Equal(new QueueInfo(queue, position), scenario.State.Queue);
        Assert.Equal(position == 0, scenario.State.Queue!.AssignmentInProgress);
        Assert.Equal(ConversationStatus.Robot, scenario.State.StatusBeforeQueue);
    }

    [Fact]
    public void No_agent_online_is_recorded_and_the_conversation_stays_where_it_was()
    {
        var scenario = new ConversationScenario().InRobotSession();
        scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Agent }));

        var decision = scenario.AnswerSession(new SessionAnswer(SessionAnswerKind.NoAgentOnline) { Message = "nobody" });

        Assert.Contains(decision.Events, e => e is NoAgentOnline { Message: "nobody" });
        Assert.Equal(ConversationStatus.Robot, scenario.State.Status);
        Assert.False(scenario.State.SessionRequestPending);
    }

    [Fact]
    public void A_start_session_push_moves_a_queued_conversation_to_its_agent()
    {
        var scenario = new ConversationScenario().Queued();

        scenario.Push("agent", Pushes.Agent("start_session", "s1", 3, agentId: 7, agentName: "Ann"), Pushes.Agent("message", "w1", 3, "Welcome", 7, "Ann"));

        Assert.Equal(ConversationStatus.Agent, scenario.State.Status);
        Assert.Equal(new SessionId(3), scenario.State.ImSubSessionId);
        Assert.Equal(new AgentInfo(7, "Ann", "https://a/1.png"), scenario.State.Agent);
        Assert.Null(scenario.State.Queue);
        Assert.Collection(
            scenario.Last.Events,
            e => Assert.IsType<AgentSessionStarted>(e),
            e => Assert.Equal("w1", Assert.IsType<MessageReceived>(e).MessageId));
    }

    [Fact]
    public void A_transfer_swaps_the_session_id_and_keeps_the_old_one_in_history()
    {
        var scenario = new ConversationScenario().InAgentSession(3);

        scenario.Push(
            "agent",
            Pushes.Agent("info_transfer", "i1", 3, "Jerry transfers the session"),
            Pushes.Agent("transfer", "t1", 4, "Session transfer", 9, "Jerry"),
            Pushes.Agent("message", "m1", 4, "Jerry here", 9, "Jerry"));

        Assert.Equal(new SessionId(4), scenario.State.ImSubSessionId);
        Assert.Equal([new SessionId(3)], scenario.State.PreviousSessionIds);
        Assert.Equal("Jerry", scenario.State.Agent!.Name);
        var info = Assert.IsType<MessageReceived>(scenario.Last.Events[0]);
        Assert.False(info.Visible);
        Assert.Equal(new SessionId(3), Assert.IsType<SessionTransferred>(scenario.Last.Events[1]).FromSessionId);

        var send = scenario.Do(new SendMessage(Id, "c1", "message", new MessagePayload { Content = "hi" }));
        Assert.Equal(4, Assert.IsType<OutboundCall.SendMessage>(Assert.IsType<UdeskCallQueued>(Assert.Single(send.Events)).Call).ImSubSessionId);
    }

    [Theory]
    [InlineData("normal")]
    [InlineData("force")]
    public void A_close_push_closes_with_its_type_and_offers_the_survey(string closeType)
    {
        var scenario = new ConversationScenario().InAgentSession(3);

        scenario.Push("agent", Pushes.Close("c1", 3, closeType));

        Assert.Equal(ConversationStatus.Closed, scenario.State.Status);
        Assert.Equal(closeType, scenario.State.CloseType);
        Assert.Equal(36, scenario.State.SurveyOptions!.Value.GetProperty("options")[0].GetProperty("id").GetInt32());
        Assert.Equal(CloseInitiator.Udesk, Assert.IsType<SessionClosed>(Assert.Single(scenario.Last.Events)).ClosedBy);
    }

    [Fact]
    public void Late_events_for_a_closed_session_are_recorded_and_never_reopen_it_while_its_messages_still_in_flight_are_shown()
    {
        var scenario = new ConversationScenario().InAgentSession(3);
        scenario.Push("agent", Pushes.Close("c1", 3));

        scenario.Push("agent", Pushes.Agent("message", "late1", 3, "one more thing"), Pushes.Agent("start_session", "late2", 3), Pushes.Agent("transfer", "late3", 5));

        Assert.True(Assert.IsType<MessageReceived>(scenario.Last.Events[0]).Visible);
        Assert.All(scenario.Last.Events.Skip(1), e => Assert.IsType<LatePushRecorded>(e));
        Assert.Equal(3, scenario.Last.Events.Count);
        Assert.Equal(ConversationStatus.Closed, scenario.State.Status);
        Assert.Equal(new SessionId(3), scenario.State.ImSubSessionId);
    }

    [Fact]
    public void After_a_local_close_agent_messages_still_in_flight_are_shown()
    {
        var scenario = new ConversationScenario().InAgentSession(3);
        scenario.Do(new CloseSession(Id));

        scenario.Push("agent", Pushes.Agent("message", "in-flight", 3, "thanks, bye"));

        Assert.True(Assert.IsType<MessageReceived>(Assert.Single(scenario.Last.Events)).Visible);
        Assert.Equal(ConversationStatus.Closed, scenario.State.Status);
    }

    [Fact]
    public void A_close_for_a_session_transferred_away_does_not_close_the_current_one()
    {
        var scenario = new ConversationScenario().InAgentSession(3);
        scenario.Push("agent", Pushes.Agent("transfer", "t1", 4));

        scenario.Push("agent", Pushes.Close("c-old", 3));

        Assert.IsType<LatePushRecorded>(Assert.Single(scenario.Last.Events));
        Assert.Equal(ConversationStatus.Agent, scenario.State.Status);
        Assert.Equal(new SessionId(4), scenario.State.ImSubSessionId);
    }

    [Fact]
    public void The_customer_closes_an_agent_session_through_the_outbox()
    {
        var scenario = new ConversationScenario().InAgentSession(3);

        var decision = scenario.Do(new CloseSession(Id));

        Assert.Collection(
            decision.Events,
            e => Assert.Equal(CloseInitiator.Customer, Assert.IsType<SessionClosed>(e).ClosedBy),
            e => Assert.Equal(new OutboundCall.CloseSession(new SessionId(3)), Assert.IsType<UdeskCallQueued>(e).Call));
        Assert.Equal(ConversationStatus.Closed, scenario.State.Status);
        Assert.Equal(new Accepted(scenario.State.Seq), scenario.Do(new CloseSession(Id)).Reply);
    }

    [Fact]
    public void Abandoning_the_queue_returns_to_the_state_before_it()
    {
        var scenario = new ConversationScenario().InRobotSession().Queued();

        var decision = scenario.Do(new AbandonQueue(Id));

        Assert.Equal(ConversationStatus.Robot, Assert.IsType<QueueAbandoned>(decision.Events[0]).ResumedStatus);
        Assert.Equal(new OutboundCall.AbandonQueue("queue:company:1:agent:486"), Assert.IsType<UdeskCallQueued>(decision.Events[1]).Call);
        Assert.Equal(ConversationStatus.Robot, scenario.State.Status);
        Assert.Null(scenario.State.Queue);
    }

    [Fact]
    public void Escalating_from_urobot_to_an_agent_records_the_transfer_survey()
    {
        var scenario = new ConversationScenario();
        scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Urobot, RobotId = 1, SceneId = 2 }));
        scenario.AnswerSession(new SessionAnswer(SessionAnswerKind.Urobot) { UrobotSessionId = 99 });

        var decision = scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Agent }));

        Assert.Equal(new OutboundCall.TransferSurvey(99, 1, 2), Assert.IsType<UdeskCallQueued>(decision.Events[0]).Call);
        Assert.IsType<OutboundCall.CreateSession>(Assert.IsType<UdeskCallQueued>(decision.Events[1]).Call);
    }

    [Fact]
    public void A_new_session_can_follow_a_closed_one()
    {
        var scenario = new ConversationScenario().InAgentSession(3);
        scenario.Push("agent", Pushes.Close("c1", 3));

        scenario.InAgentSession(8);

        Assert.Equal(ConversationStatus.Agent, scenario.State.Status);
        Assert.Equal(new SessionId(8), scenario.State.ImSubSessionId);
        Assert.Null(scenario.State.CloseType);
        Assert.Contains(new SessionId(3), scenario.State.PreviousSessionIds);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("queued")]
    public void A_second_session_request_conflicts_while_one_is_open(string situation)
    {
        var scenario = new ConversationScenario();
        _ = situation switch
        {
            "agent" => scenario.InAgentSession(),
            _ => scenario.Queued(),
        };
        var before = scenario.State;

        var decision = scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Agent }));

        Assert.Equal(RejectionReason.Conflict, Assert.IsType<Rejected>(decision.Reply).Reason);
        Assert.Same(before, scenario.State);
    }

    [Fact]
    public void An_agent_answer_after_the_start_session_push_does_not_start_the_session_twice()
    {
        var scenario = new ConversationScenario();
        scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Agent }));
        scenario.Push("agent", Pushes.Agent("start_session", "s1", 3));

        var decision = scenario.AnswerSession(new SessionAnswer(SessionAnswerKind.Agent) { ImSubSessionId = new SessionId(3) });

        Assert.IsType<UdeskCallCompleted>(Assert.Single(decision.Events));
        Assert.Equal(ConversationStatus.Agent, scenario.State.Status);
    }

    [Fact]
    public void An_agent_answer_after_the_start_session_push_still_offers_its_survey()
    {
        var scenario = new ConversationScenario();
        scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Agent }));
        scenario.Push("agent", Pushes.Agent("start_session", "s1", 3));
        var survey = System.Text.Json.JsonSerializer.SerializeToElement(new { enabled = true, options = new[] { new { id = 36, text = "Satisfied" } } });

        scenario.AnswerSession(new SessionAnswer(SessionAnswerKind.Agent) { ImSubSessionId = new SessionId(3), SurveyOptions = survey });

        Assert.Equal(survey.GetRawText(), scenario.State.SurveyOptions!.Value.GetRawText());
    }

    [Fact]
    public void A_refused_call_is_recorded_once_and_leaves_the_outbox()
    {
        var scenario = new ConversationScenario();
        scenario.Do(new RequestSession(Id, new SessionRequest { GroupId = 404 }));
        var call = scenario.State.Outbox[0].Seq;

        scenario.Answer(new CallOutcome.Refused(11012, "group does not exist"));
        var again = scenario.Do(new CompleteCall(Id, call, new CallOutcome.Refused(11012, "group does not exist")));

        Assert.Empty(scenario.State.Outbox);
        Assert.False(scenario.State.SessionRequestPending);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void What_the_robot_says_at_session_start_reaches_the_platform()
    {
        var scenario = new ConversationScenario();
        scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Robot }));
        var greeting = System.Text.Json.JsonSerializer.SerializeToElement(new { robot_name = "Udesk Robot", unknow_message = "Sorry, I did not get that." });

        scenario.AnswerSession(new SessionAnswer(SessionAnswerKind.Robot) { Welcome = "Hi", Greeting = greeting });

        var entry = Orchestrator.Conversations.Feed.FeedProjection.Of(Assert.IsType<RobotSessionStarted>(scenario.Last.Events[^1]));
        var assignInfo = Assert.IsType<System.Text.Json.JsonElement>(entry.Data["assign_info"]);
        Assert.Equal("Sorry, I did not get that.", assignInfo.GetProperty("unknow_message").GetString());
        Assert.False(entry.Internal);
    }
}
