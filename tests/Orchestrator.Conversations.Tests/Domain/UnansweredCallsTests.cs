using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Udesk.Sessions;

namespace Orchestrator.Conversations.Tests.Domain;

/// <summary>A call Udesk may have done without answering is repeated only where a repeat does no harm.</summary>
public sealed class UnansweredCallsTests
{
    private static readonly MessagePayload Text = new() { Content = "hi" };
    private static readonly DateTimeOffset At = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    public static TheoryData<OutboundCall, Type> Calls() => new()
    {
        { new OutboundCall.SendMessage("m-1", "message", Text, 3), typeof(UnansweredCalls.Next.Repeat) },
        { new OutboundCall.CloseSession(new SessionId(3)), typeof(UnansweredCalls.Next.Repeat) },
        { new OutboundCall.AbandonQueue("q:1"), typeof(UnansweredCalls.Next.Repeat) },
        { new OutboundCall.CreateSession(new SessionRequest { AssignType = AssignType.Agent }), typeof(UnansweredCalls.Next.AskQueueStatus) },
        { new OutboundCall.CreateSession(new SessionRequest { AssignType = AssignType.Robot, GroupId = 5 }), typeof(UnansweredCalls.Next.AskQueueStatus) },
        { new OutboundCall.CreateSession(new SessionRequest { AssignType = AssignType.Robot }), typeof(UnansweredCalls.Next.Complete) },
        { new OutboundCall.CreateSession(new SessionRequest { AssignType = AssignType.Urobot, RobotId = 1, SceneId = 2 }), typeof(UnansweredCalls.Next.Repeat) },
        { new OutboundCall.TransferSurvey(3, 1, 2), typeof(UnansweredCalls.Next.Complete) },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void Each_call_has_its_rule(OutboundCall call, Type next) => Assert.IsType(next, UnansweredCalls.Decide(call));

    [Theory]
    [MemberData(nameof(Calls))]
    public void Every_call_not_simply_repeated_records_its_start_before_it_is_made(OutboundCall call, Type next) =>
        Assert.Equal(next != typeof(UnansweredCalls.Next.Repeat), UnansweredCalls.RecordsStart(call));

    [Fact]
    public void A_recorded_start_marks_the_call_as_maybe_made_and_is_written_once()
    {
        var request = new OutboundCall.CreateSession(new SessionRequest { AssignType = AssignType.Agent });
        var state = new ConversationState { Seq = 4, Outbox = [new PendingCall(3, request), new PendingCall(4, new OutboundCall.SendMessageOnceRouted("m-1", "message", Text))] };

        var started = OutboxDispatch.StartOf(state, state.Outbox[0], At);
        var after = state.Apply(started!);

        Assert.Equal(new ConversationEvents.UdeskCallStarted(5, At, 3), started);
        Assert.Equal([true, false], after.Outbox.Select(p => p.MayHaveReachedUdesk));
        Assert.Null(OutboxDispatch.StartOf(after, after.Outbox[0], At));
        Assert.Null(OutboxDispatch.StartOf(after, after.Outbox[1], At));
    }

    [Fact]
    public void Placeholders_resolved_at_dispatch_are_never_made_themselves_so_record_no_start()
    {
        Assert.False(UnansweredCalls.RecordsStart(new OutboundCall.SendMessageOnceRouted("m-1", "message", Text)));
        Assert.False(UnansweredCalls.RecordsStart(new OutboundCall.CloseOnceAnswered()));
    }

    [Fact]
    public void A_transfer_count_that_may_have_happened_is_recorded_unconfirmed_never_repeated()
    {
        var next = Assert.IsType<UnansweredCalls.Next.Complete>(UnansweredCalls.Decide(new OutboundCall.TransferSurvey(3, 1, 2)));

        Assert.IsType<CallOutcome.Unconfirmed>(next.Outcome);
    }

    [Theory]
    [InlineData("In queue", 4, SessionAnswerKind.Queued, 4)]
    [InlineData("Assigning", 0, SessionAnswerKind.AssignmentInProgress, 0)]
    [InlineData("In session", 0, SessionAnswerKind.AssignmentInProgress, 0)]
    [InlineData("in QUEUE ", 2, SessionAnswerKind.Queued, 2)]
    public void Queue_status_tells_what_an_unanswered_agent_request_did(string status, int count, SessionAnswerKind kind, int position)
    {
        var outcome = Assert.IsType<CallOutcome.SessionAnswered>(UnansweredCalls.FromQueueStatus(status, count));

        Assert.Equal((kind, position), (outcome.Answer.Kind, outcome.Answer.Position));
    }

    [Theory]
    [InlineData("Not in queue")]
    [InlineData(null)]
    [InlineData("")]
    public void No_trace_at_udesk_means_the_request_is_made_again(string? status) => Assert.Null(UnansweredCalls.FromQueueStatus(status, 0));
}
